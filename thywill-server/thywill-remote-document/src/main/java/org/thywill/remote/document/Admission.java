package org.thywill.remote.document;

import java.util.Objects;

/** What a {@link BeforePage} check decided. */
public sealed interface Admission {

    /** Show the route's view. */
    record Admit() implements Admission {
    }

    /** @param path the route to show instead; the page's address changes to it, without a reload */
    record Redirect(String path) implements Admission {
        /** Validates. */
        public Redirect {
            Routes.requirePath(path);
        }
    }

    /**
     * @param status the HTTP status the page stands for, such as 403 or 404
     * @param message what to tell the person, as text
     */
    record Refuse(int status, String message) implements Admission {
        /** Validates. */
        public Refuse {
            if (status < 400 || status > 599) {
                throw new IllegalArgumentException("A refusal's status is 400 to 599, not " + status + ".");
            }
            Objects.requireNonNull(message, "message");
        }
    }

    /** @return let the page through */
    static Admission admit() {
        return new Admit();
    }

    /**
     * @param path a route of this application, such as {@code /login}
     * @return send the page there instead
     */
    static Admission redirect(String path) {
        return new Redirect(path);
    }

    /**
     * @param status the HTTP status, 400 to 599
     * @param message what to tell the person
     * @return refuse the page
     */
    static Admission refuse(int status, String message) {
        return new Refuse(status, message);
    }
}
