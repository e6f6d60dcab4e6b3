/**
 * The log slot's {@code logback} implementation: configures Logback from the {@code log} section of the settings
 * file and writes the errors that browsers report to the server log, under the logger {@code thywill.browser}.
 */
package org.thywill.log.logback;
