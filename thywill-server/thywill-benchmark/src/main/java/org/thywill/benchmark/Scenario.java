package org.thywill.benchmark;

import java.util.Arrays;
import java.util.stream.Collectors;

/** What the simulated clients do once connected. */
public enum Scenario {
    /** Each client sends; the server sends the message back to it; latency is the round trip. */
    ECHO("echo"),
    /** Every client is in one channel; one publisher; latency is publish to receipt, per receiving client. */
    BROADCAST("broadcast"),
    /** Clients spread over several rooms; random members publish into their room; latency per receipt. */
    ROOMS("rooms"),
    /** Clients handshake as fast as the server accepts them; latency is handshake to first connect reply. */
    CONNECT_STORM("connect-storm");

    private final String label;

    Scenario(String label) {
        this.label = label;
    }

    /** @return the name used on the command line and in reports */
    public String label() {
        return label;
    }

    /**
     * @param label a name as {@link #label()} gives it
     * @return the scenario
     * @throws IllegalArgumentException listing the names when there is no such scenario
     */
    public static Scenario of(String label) {
        for (Scenario s : values()) {
            if (s.label.equals(label)) {
                return s;
            }
        }
        throw new IllegalArgumentException("Unknown scenario '" + label + "'. The scenarios are: "
                + Arrays.stream(values()).map(Scenario::label).collect(Collectors.joining(", ")) + ".");
    }
}
