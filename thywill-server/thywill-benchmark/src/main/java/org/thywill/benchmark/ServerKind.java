package org.thywill.benchmark;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The kinds of server the benchmark measures side by side. */
public enum ServerKind {
    /** Thywill with its default settings, the echo application and the benchmark application. */
    THYWILL("thywill"),
    /**
     * Two Thywill nodes with the Push {@code redis}, sharing the machine's Redis: the clients are dealt over the two
     * nodes alternately, the broadcast publisher and the probe are on the first, so most messages cross nodes.
     */
    THYWILL_REDIS("thywill-redis"),
    /** A bare CometD server: the same Jetty and CometD, default options, equivalent services. */
    COMETD("cometd"),
    /** Socket.IO 4 on Node, with its own client as the load generator. */
    SOCKETIO("socketio");

    private final String label;

    ServerKind(String label) {
        this.label = label;
    }

    /** @return the name used on the command line and in reports */
    public String label() {
        return label;
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
        for (ServerKind k : values()) {
            if (k.label.equals(label)) {
                return k;
            }
        }
        throw new IllegalArgumentException("Unknown server '" + label + "'. The servers are: "
                + Arrays.stream(values()).map(ServerKind::label).collect(Collectors.joining(", ")) + ".");
    }
}
