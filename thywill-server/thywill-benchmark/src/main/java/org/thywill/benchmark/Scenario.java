package org.thywill.benchmark;

/** What the simulated clients do once connected. */
public enum Scenario {
    /** Each client sends; the server sends the message back to it; latency is the round trip. */
    ECHO,
    /** Every client is in one channel; one publisher; latency is publish to receipt, per receiving client. */
    BROADCAST,
    /** Clients spread over several rooms; random members publish into their room; latency per receipt. */
    ROOMS,
    /** Clients handshake as fast as the server accepts them; latency is handshake to first connect reply. */
    CONNECT_STORM;

    /** @return the name used on the command line and in reports */
    public String label() {
        return Labels.of(this);
    }

    /**
     * @param label a name as {@link #label()} gives it
     * @return the scenario
     * @throws IllegalArgumentException listing the names when there is no such scenario
     */
    public static Scenario of(String label) {
        return Labels.parse(Scenario.class, label, "scenario");
    }
}
