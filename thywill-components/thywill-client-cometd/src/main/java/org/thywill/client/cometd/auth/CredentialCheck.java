package org.thywill.client.cometd.auth;

import java.util.concurrent.CompletionStage;
import org.cometd.bayeux.server.ServerMessage;
import org.cometd.bayeux.server.ServerSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.thywill.api.auth.Authentication;
import org.thywill.api.auth.Authenticator;

/**
 * Asks the {@link Authenticator} about a handshake or a refresh and keeps the connection's expiry in step with the
 * answer; an authenticator that fails instead of answering counts as a refusal, so a page is never let in by a bug.
 */
final class CredentialCheck {

    private static final Logger LOG = LoggerFactory.getLogger(CredentialCheck.class);

    private final Authenticator authenticator;
    private final HandshakeCredentials credentials;
    private final Expiries expiries;

    CredentialCheck(Authenticator authenticator, HandshakeCredentials credentials, Expiries expiries) {
        this.authenticator = authenticator;
        this.credentials = credentials;
        this.expiries = expiries;
    }

    /** @return the outcome for a handshake's {@code ext.thywill.token} */
    CompletionStage<Authentication> handshake(String applicationId, ServerMessage handshake) {
        return safely(authenticator.authenticate(credentials.ofHandshake(applicationId, handshake)));
    }

    /** @return the outcome for a refresh's {@code data.token} */
    CompletionStage<Authentication> refresh(String applicationId, ServerMessage refresh) {
        return safely(authenticator.authenticate(credentials.ofRefresh(applicationId, refresh)));
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

    /** Closes the session when the accepted credentials expire, in place of any earlier moment. */
    void accepted(ServerSession session, Authentication.Accepted accepted) {
        accepted.expires().ifPresent(at -> expiries.closeAt(session, at));
    }
}
