/** The {@code thywill} command line: {@code new}, {@code run} and {@code apps}. */
package org.thywill.cli;
