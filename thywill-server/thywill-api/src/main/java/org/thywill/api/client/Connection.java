package org.thywill.api.client;

import java.util.Objects;

/**
 * A live connection as applications see it.
 *
 * @param id the connection's id
 * @param session the session it belongs to
 * @param applicationId the application whose page opened it (named in the handshake)
 * @param transport the transport in use when it connected, for example {@code websocket} or {@code long-polling}
 * @param remoteAddress the peer's address
 */
public record Connection(ConnectionId id, SessionId session, String applicationId, String transport,
                         String remoteAddress) {

    /** Validates. */
    public Connection {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(applicationId, "applicationId");
    }
}
