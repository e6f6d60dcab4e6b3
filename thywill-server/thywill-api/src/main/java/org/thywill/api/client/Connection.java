package org.thywill.api.client;

import java.util.Objects;
import java.util.Optional;
import org.thywill.api.auth.User;

/**
 * A live connection as applications see it.
 *
 * @param id the connection's id
 * @param session the session it belongs to
 * @param applicationId the application whose page opened it (named in the handshake)
 * @param transport the transport in use when it connected, for example {@code websocket} or {@code long-polling}
 * @param remoteAddress the peer's address
 * @param user who the page's credentials named at the handshake (documentation/authentication.md); empty for an
 *             anonymous connection. Fixed for the connection's life: a refreshed token extends it, for the same user
 */
public record Connection(ConnectionId id, SessionId session, String applicationId, String transport,
                         String remoteAddress, Optional<User> user) {

    /** Validates. */
    public Connection {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(applicationId, "applicationId");
        user = user == null ? Optional.empty() : user;
    }

    /**
     * An anonymous connection.
     *
     * @param id the connection's id
     * @param session the session it belongs to
     * @param applicationId the application whose page opened it
     * @param transport the transport in use when it connected
     * @param remoteAddress the peer's address
     */
    public Connection(ConnectionId id, SessionId session, String applicationId, String transport,
                      String remoteAddress) {
        this(id, session, applicationId, transport, remoteAddress, Optional.empty());
    }
}
