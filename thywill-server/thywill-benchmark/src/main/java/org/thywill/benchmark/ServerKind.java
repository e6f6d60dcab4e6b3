package org.thywill.benchmark;

/** The kinds of server the benchmark measures side by side. */
public enum ServerKind {
    /** Thywill with its default settings, the echo application and the benchmark application. */
    THYWILL,
    /**
     * Two Thywill nodes with the Push {@code redis}, sharing the machine's Redis: the clients are dealt over the two
     * nodes alternately, the broadcast publisher and the probe are on the first, so most messages cross nodes.
     */
    THYWILL_REDIS,
    /** A bare CometD server: the same Jetty and CometD, default options, equivalent services. */
    COMETD,
    /** Socket.IO 4 on Node, with its own client as the load generator. */
    SOCKETIO;

    /** @return the name used on the command line and in reports */
    public String label() {
        return Labels.of(this);
    }

    /** @return whether this is Thywill, on one node or several */
    public boolean isThywill() {
        return this == THYWILL || this == THYWILL_REDIS;
    }

    /** @return true for the servers this JVM's CometD clients can load (Thywill and bare CometD) */
    public boolean isBayeux() {
        return this != SOCKETIO;
    }

    /**
     * @param label a name as {@link #label()} gives it
     * @return the kind
     * @throws IllegalArgumentException listing the names when there is no such kind
     */
    public static ServerKind of(String label) {
        return Labels.parse(ServerKind.class, label, "server");
    }
}
