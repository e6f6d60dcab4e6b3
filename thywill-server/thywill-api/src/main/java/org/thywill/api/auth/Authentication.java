package org.thywill.api.auth;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** The outcome of checking {@link Credentials}: a connection is accepted (with or without a user) or refused. */
public sealed interface Authentication permits Authentication.Accepted, Authentication.Refused {

    /** The {@link Refused#code()} when the page presented no credentials and some are required. */
    String MISSING = "unauthenticated";
    /** The {@link Refused#code()} when the credentials are not good: a bad signature, issuer, audience or key. */
    String INVALID = "invalid-token";
    /** The {@link Refused#code()} when the credentials were good but have expired. */
    String EXPIRED = "token-expired";
    /** The code a page is closed with when an application logged its user out everywhere. */
    String SIGNED_OUT = "signed-out";
    /** The {@link Refused#code()} when the host application's login refused them. */
    String REFUSED = "refused";
    /** The {@link Refused#code()} when they could not be checked now (the login callback did not answer). */
    String UNAVAILABLE = "authentication-unavailable";

    /** @return a connection without a user, as Thywill had before authentication */
    static Authentication anonymous() {
        return new Accepted(Optional.empty(), Optional.empty());
    }

    /**
     * @param user who the credentials name
     * @param expires when they stop being good, or null when they never do
     * @return an accepted connection of that user
     */
    static Authentication user(User user, Instant expires) {
        return new Accepted(Optional.of(user), Optional.ofNullable(expires));
    }

    /**
     * @param code one of the codes above, or one of the implementation's own, for the page's program
     * @param message what went wrong, for the page to show a person
     * @return a refusal
     */
    static Authentication refused(String code, String message) {
        return new Refused(code, message);
    }

    /**
     * The connection may go on.
     *
     * @param user who it belongs to, empty for an anonymous one
     * @param expires when the credentials expire: an unrefreshed connection is closed then; empty for never
     */
    record Accepted(Optional<User> user, Optional<Instant> expires) implements Authentication {
        /** Validates. */
        public Accepted {
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(expires, "expires");
        }
    }

    /**
     * The connection is refused (at a handshake) or keeps its old expiry (at a refresh).
     *
     * @param code a short code for programs, such as {@value #INVALID}
     * @param message a sentence for people
     */
    record Refused(String code, String message) implements Authentication {
        /** Validates. */
        public Refused {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(message, "message");
        }
    }
}
