package org.thywill.benchmark;

/** The Bayeux transport the simulated clients use (Socket.IO's client uses the matching one of its own). */
public enum TransportKind {
    /** WebSocket. */
    WEBSOCKET("websocket"),
    /** HTTP long-polling. */
    LONG_POLLING("long-polling");

    private final String label;

    TransportKind(String label) {
        this.label = label;
    }

    /** @return the name used on the command line and in reports */
    public String label() {
        return label;
    }

    /**
     * @param label {@code websocket} or {@code long-polling}
     * @return the transport
     * @throws IllegalArgumentException when the name is neither
     */
    public static TransportKind of(String label) {
        for (TransportKind t : values()) {
            if (t.label.equals(label)) {
                return t;
            }
        }
        throw new IllegalArgumentException("Unknown transport '" + label + "'. Use websocket or long-polling.");
    }
}
