package org.thywill.api.application;

import java.util.List;
import java.util.Objects;

/**
 * The browser side of an application: files in the application's jar, under the folder {@link #folder()}. The
 * server serves every file of that folder in the application's own jar at {@code /thywill/app/{id}/{file}}, and a
 * file of that folder from elsewhere on the server's class path (a library's) only when it is the body, a script or
 * a style named here. It serves nothing for an empty folder.
 *
 * @param folder the class-path folder holding the files, for example {@code thywill/echo}; empty for none
 * @param body the file whose HTML becomes the page's body, or null for an empty body
 * @param scripts the scripts to load, in order, after the bootstrap scripts (loaded as ES modules)
 * @param styles the style sheets to load, in order
 */
public record ClientSide(String folder, String body, List<String> scripts, List<String> styles) {

    /** Validates and copies. */
    public ClientSide {
        Objects.requireNonNull(folder, "folder");
        scripts = List.copyOf(scripts);
        styles = List.copyOf(styles);
    }

    /**
     * The usual browser side: a body, a script and a style sheet named after the application.
     *
     * @param folder the class-path folder holding the files, for example {@code thywill/echo}
     * @param name the files' common name: {@code name.html} is the body, {@code name.js} the script and
     *        {@code name.css} the style sheet
     * @return the browser side
     */
    public static ClientSide of(String folder, String name) {
        return new ClientSide(folder, name + ".html", List.of(name + ".js"), List.of(name + ".css"));
    }

    /** @return no page body, scripts or styles */
    public static ClientSide none() {
        return new ClientSide("", null, List.of(), List.of());
    }
}
