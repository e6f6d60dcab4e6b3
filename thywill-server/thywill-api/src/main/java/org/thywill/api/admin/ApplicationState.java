package org.thywill.api.admin;

/**
 * A running or undeployed application as the admin console shows it.
 *
 * @param id the application's id
 * @param title its title
 * @param source where it was loaded from: a jar's file name, or {@code class path}
 * @param version its jar's {@code Implementation-Version}, or empty when it has none
 * @param running false once undeployed from the console and not yet redeployed
 * @param connections the live connections of its pages to this node
 */
public record ApplicationState(String id, String title, String source, String version, boolean running,
                               int connections) {
}
