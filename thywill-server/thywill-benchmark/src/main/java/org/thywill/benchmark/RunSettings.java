package org.thywill.benchmark;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One load run: what the clients do, how many, for how long, against which server.
 *
 * @param server the kind of server at {@code url}, which decides the channels and message shapes
 * @param url the server's base address; only loopback addresses are accepted
 * @param scenario what the clients do
 * @param transport WebSocket or long-polling
 * @param clients how many clients to connect
 * @param ramp the time over which they connect
 * @param warmup load before measuring starts (lets the server's JIT compile the hot paths)
 * @param hold how long the measured load lasts; for the connect storm, the most time it may take
 * @param rate echo: round trips started per second over all clients (0: each client sends its next message
 *        when its reply arrives); broadcast and rooms: messages published per second
 * @param size the bytes of filler text in each message
 * @param rooms the number of rooms in the rooms scenario
 * @param concurrency the most handshakes in flight at once
 * @param clientThreads the size of the thread pool every client shares
 * @param moreNodes the other nodes of a cluster at {@code url}, which the clients are dealt over with it; empty
 *        for one server
 * @param acknowledge whether Thywill's clients ask for acknowledged delivery and acknowledge what they handle, as
 *        the browser library does (numbered messages through each session's inbox); false for plain clients
 */
public record RunSettings(ServerKind server, URI url, Scenario scenario, TransportKind transport, int clients,
                          Duration ramp, Duration warmup, Duration hold, int rate, int size, int rooms,
                          int concurrency, int clientThreads, List<URI> moreNodes, boolean acknowledge) {

    /** The most clients one run may create: bounded by the file descriptors and ports of one machine. */
    public static final int MAX_CLIENTS = 20_000;

    /** Validates. */
    public RunSettings {
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(scenario, "scenario");
        Objects.requireNonNull(transport, "transport");
        requireLoopback(url);
        moreNodes = List.copyOf(moreNodes);
        moreNodes.forEach(RunSettings::requireLoopback);
    }

    /** One server: the settings without other nodes. */
    public RunSettings(ServerKind server, URI url, Scenario scenario, TransportKind transport, int clients,
                       Duration ramp, Duration warmup, Duration hold, int rate, int size, int rooms,
                       int concurrency, int clientThreads) {
        this(server, url, scenario, transport, clients, ramp, warmup, hold, rate, size, rooms, concurrency,
                clientThreads, List.of(), false);
    }

    /** @return every node's address, {@code url} first */
    public List<URI> nodes() {
        List<URI> all = new ArrayList<>();
        all.add(url);
        all.addAll(moreNodes);
        return all;
    }

    /**
     * @param url a copy's server address
     * @param server a copy's kind of server
     * @return these settings against another server
     */
    public RunSettings against(ServerKind server, URI url) {
        return against(server, List.of(url));
    }

    /**
     * @param server a copy's kind of server
     * @param nodes a copy's server addresses: a cluster's nodes, the first taking the probe and the publisher
     * @return these settings against another server
     */
    public RunSettings against(ServerKind server, List<URI> nodes) {
        return new RunSettings(server, nodes.get(0), scenario, transport, clients, ramp, warmup, hold, rate, size,
                rooms, concurrency, clientThreads, nodes.subList(1, nodes.size()), acknowledge);
    }

    /** @return these settings with clients that acknowledge, or not */
    public RunSettings acknowledging(boolean acknowledging) {
        return new RunSettings(server, url, scenario, transport, clients, ramp, warmup, hold, rate, size, rooms,
                concurrency, clientThreads, moreNodes, acknowledging);
    }

    private static void requireLoopback(URI url) {
        if (url == null || url.getHost() == null) {
            throw new IllegalArgumentException("Give the server's address with --url, such as http://127.0.0.1:8080,"
                    + " or start servers with --compare.");
        }
        try {
            if (!InetAddress.getByName(url.getHost()).isLoopbackAddress()) {
                throw new IllegalArgumentException("The benchmark loads only servers on this machine; "
                        + url.getHost() + " is not a loopback address. Use 127.0.0.1.");
            }
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("Unknown host in --url " + url + ".", e);
        }
    }
}
