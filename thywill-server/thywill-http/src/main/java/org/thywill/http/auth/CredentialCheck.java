package org.thywill.http.auth;

import java.net.SocketAddress;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.thywill.api.auth.Authentication;
import org.thywill.api.auth.Authenticator;
import org.thywill.api.auth.User;

/**
 * Asks the {@link Authenticator} about a connection's credentials, when it opens and when its page refreshes its
 * token. An authenticator that fails instead of answering counts as a refusal, so a page is never let in by a bug;
 * a refresh that names another user than the connection's is refused. Thread-safe.
 */
public final class CredentialCheck {

    private static final Logger LOG = LoggerFactory.getLogger(CredentialCheck.class);

    private final Authenticator authenticator;
    private final RequestCredentials credentials;

    /**
     * @param authenticator the authentication slot's component
     * @param sessionCookie the name of Thywill's own session cookie, which is not passed to the authenticator
     */
    public CredentialCheck(Authenticator authenticator, String sessionCookie) {
        this.authenticator = authenticator;
        this.credentials = new RequestCredentials(sessionCookie);
    }

    /**
     * @param applicationId the application the connection is for
     * @param token what the client sent as its token: a string, else no token
     * @param cookieHeaders the {@code Cookie} headers of the request that opened the connection, or null
     * @param remote the client's address, or null
     * @return the outcome for a connection being opened
     */
    public CompletionStage<Authentication> connect(String applicationId, Object token, List<String> cookieHeaders,
                                                   SocketAddress remote) {
        return safely(authenticator.authenticate(credentials.of(applicationId, token, cookieHeaders, remote)));
    }

    /**
     * @param applicationId the application the connection is for
     * @param token the new token
     * @param cookieHeaders the {@code Cookie} headers of the request that carried it, or null
     * @param remote the client's address, or null
     * @param user the user the connection was opened for
     * @return the outcome for a refresh of a live connection; one naming another user is refused
     */
    public CompletionStage<Authentication> refresh(String applicationId, Object token, List<String> cookieHeaders,
                                                   SocketAddress remote, Optional<User> user) {
        return connect(applicationId, token, cookieHeaders, remote).thenApply(outcome -> sameUser(outcome, user));
    }

    private static CompletionStage<Authentication> safely(CompletionStage<Authentication> outcome) {
        return outcome.handle((result, failure) -> {
            if (failure != null || result == null) {
                LOG.error("The authenticator failed instead of answering; refusing", failure);
                return Authentication.refused(Authentication.UNAVAILABLE,
                        "The sign-in could not be checked; try again later");
            }
            return result;
        });
    }

    /** A refresh extends a connection; it cannot make it another user's. */
    private static Authentication sameUser(Authentication outcome, Optional<User> user) {
        if (outcome instanceof Authentication.Accepted accepted
                && !accepted.user().map(User::id).equals(user.map(User::id))) {
            return Authentication.refused(Authentication.INVALID, "The new token names another user than the"
                    + " connection's; a page changes user by connecting again");
        }
        return outcome;
    }
}
