package org.thywill.api.auth;

import java.util.concurrent.CompletionStage;
import org.thywill.api.Component;

/**
 * The {@link org.thywill.api.Slot#AUTHENTICATION} slot: says who is behind a connection from the credentials its
 * page presents. The Client Interface asks it at every handshake and at every refresh of a token; a refusal at a
 * handshake ends the handshake with the refusal's code and message, and no session is made.
 */
public interface Authenticator extends Component {

    /**
     * Checks credentials. Called from a server thread for every handshake and refresh, possibly concurrently; an
     * implementation that waits for something (an HTTP callback) completes the stage later rather than blocking.
     * The stage must complete, within a bounded time, and never exceptionally: a failure is a
     * {@link Authentication.Refused} saying what happened.
     *
     * @param credentials what the page presented
     * @return the outcome
     */
    CompletionStage<Authentication> authenticate(Credentials credentials);
}
