/**
 * The contract between Thywill's kernel, its six component slots and its applications.
 *
 * <p>This module depends on the JDK alone. Component implementations and applications compile against it and
 * nothing else of Thywill; the kernel discovers them with {@link java.util.ServiceLoader}.
 */
package org.thywill.api;
