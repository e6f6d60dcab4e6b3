package org.thywill.api.application;

/**
 * What the server says about a running application.
 *
 * @param id the application's id
 * @param title its human-readable title
 * @param source where it was loaded from, for example a jar's file name or {@code class path}
 */
public record ApplicationInfo(String id, String title, String source) {
}
