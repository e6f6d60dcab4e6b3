package org.thywill.api;

import java.util.Objects;

/**
 * A script or style sheet a page loads. Bootstrap resources load lightest {@link #weight()} first; an
 * application's resources load after all of them, in the order given.
 *
 * <p>Scripts load as ES modules ({@code <script type="module">}), which run in document order after the page is
 * parsed.
 *
 * @param url where the browser fetches it, usually an absolute path such as {@code /thywill/client/thywill.js}
 * @param kind script or style
 * @param weight the ordering key among bootstrap resources
 */
public record ClientResource(String url, Kind kind, int weight) {

    /** What a resource is. */
    public enum Kind {
        /** JavaScript, loaded as a module. */
        SCRIPT,
        /** A CSS style sheet. */
        STYLE
    }

    /** Validates. */
    public ClientResource {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(kind, "kind");
    }

    /**
     * @param url where the browser fetches the script
     * @param weight the ordering key
     * @return a script resource
     */
    public static ClientResource script(String url, int weight) {
        return new ClientResource(url, Kind.SCRIPT, weight);
    }

    /**
     * @param url where the browser fetches the style sheet
     * @param weight the ordering key
     * @return a style resource
     */
    public static ClientResource style(String url, int weight) {
        return new ClientResource(url, Kind.STYLE, weight);
    }
}
