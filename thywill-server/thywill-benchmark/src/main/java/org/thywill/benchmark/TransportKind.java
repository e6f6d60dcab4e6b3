package org.thywill.benchmark;

/** The Bayeux transport the simulated clients use (Socket.IO's client uses the matching one of its own). */
public enum TransportKind {
    /** WebSocket. */
    WEBSOCKET,
    /** HTTP long-polling. */
    LONG_POLLING;

    /** @return the name used on the command line and in reports */
    public String label() {
        return Labels.of(this);
    }

    /**
     * @param label {@code websocket} or {@code long-polling}
     * @return the transport
     * @throws IllegalArgumentException listing the names when the name is neither
     */
    public static TransportKind of(String label) {
        return Labels.parse(TransportKind.class, label, "transport");
    }
}
