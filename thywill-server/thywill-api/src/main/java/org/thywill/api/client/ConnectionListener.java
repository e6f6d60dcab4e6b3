package org.thywill.api.client;

/**
 * Told when connections come and go. Called on transport threads; a listener must not block. Every method has a
 * default, so implementations override what they need.
 */
public interface ConnectionListener {

    /**
     * A connection completed its handshake.
     *
     * @param connection the new connection
     */
    default void connected(Connection connection) {
    }

    /**
     * A connection ended. Called once per connection, after {@link #connected}.
     *
     * @param connection the connection that ended
     * @param reason why it ended
     */
    default void disconnected(Connection connection, DisconnectReason reason) {
    }
}
