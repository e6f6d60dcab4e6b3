package org.thywill.http;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.thywill.api.metrics.Counter;

/**
 * Caps the connections this server holds, per client address ({@code clientInterface.maxConnectionsPerAddress}) and
 * in all ({@code clientInterface.maxConnections}), so that neither one host nor the sum of all can hold more than
 * the server was sized for. The address is the request's remote address as Jetty gives it (the forwarded client's
 * behind a trusted proxy). A connection counts from its {@link #admit admission} until its transport
 * {@link #release releases} it. Thread-safe.
 */
public final class ConnectionLimits {

    /** The error code a refused client is told, in {@code ext.thywill.error.code} or its transport's equivalent. */
    public static final String CODE = "too-many-connections";
    /** How long a refused client waits before it tries again: a browser's library follows the advice. */
    public static final long RETRY_MILLIS = 10_000;

    /**
     * Why a connection was refused.
     *
     * @param limit the setting that refused it: {@code maxConnections} or {@code maxConnectionsPerAddress}
     * @param status the HTTP status that says so: 503 for the server's cap, 429 for the address's
     * @param message what the client is told, and what it can do
     */
    public record Refusal(String limit, int status, String message) {

        /** @return {@code {code, limit, message}}, the error a client is sent */
        public Map<String, Object> error() {
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("code", CODE);
            error.put("limit", limit);
            error.put("message", message);
            return error;
        }
    }

    private final int maxConnections;
    private final int maxPerAddress;
    private final Counter refusedServerWide;
    private final Counter refusedPerAddress;
    private final AtomicInteger held = new AtomicInteger();
    private final Map<String, Integer> byAddress = new ConcurrentHashMap<>();

    /**
     * @param maxConnections the most connections in all, 0 for no cap
     * @param maxPerAddress the most connections from one address, 0 for no cap
     * @param metrics counts the refusals, by cap
     */
    public ConnectionLimits(int maxConnections, int maxPerAddress, ClientMetrics metrics) {
        this.maxConnections = maxConnections;
        this.maxPerAddress = maxPerAddress;
        this.refusedServerWide = metrics.refusedServerWide();
        this.refusedPerAddress = metrics.refusedPerAddress();
    }

    /**
     * Counts a connection from an address, or refuses it; called once the rest of the connection is found good.
     *
     * @param address the client's address ({@link #address})
     * @return why the connection may not be made, or empty when it counts from now on
     */
    public Optional<Refusal> admit(String address) {
        if (!takeServerWide()) {
            refusedServerWide.increment();
            return Optional.of(new Refusal("maxConnections", 503, "This server holds its most connections ("
                    + maxConnections + "); try again later."));
        }
        boolean[] admitted = {true};
        byAddress.compute(address, (a, n) -> {
            int count = n == null ? 0 : n;
            if (maxPerAddress > 0 && count >= maxPerAddress) {
                admitted[0] = false;
                return n;
            }
            return count + 1;
        });
        if (!admitted[0]) {
            held.decrementAndGet();
            refusedPerAddress.increment();
            return Optional.of(new Refusal("maxConnectionsPerAddress", 429, "Your address holds the most"
                    + " connections this server allows one address (" + maxPerAddress + "); close a tab or try again"
                    + " later."));
        }
        return Optional.empty();
    }

    private boolean takeServerWide() {
        while (true) {
            int now = held.get();
            if (maxConnections > 0 && now >= maxConnections) {
                return false;
            }
            if (held.compareAndSet(now, now + 1)) {
                return true;
            }
        }
    }

    /** @param address the address of an admitted connection that ended: it no longer counts */
    public void release(String address) {
        held.decrementAndGet();
        byAddress.computeIfPresent(address, (a, n) -> n <= 1 ? null : n - 1);
    }

    /**
     * @param remote a connection's remote address, or null
     * @return the address it counts against: the IP address as text, or {@code unknown}
     */
    public static String address(SocketAddress remote) {
        if (!(remote instanceof InetSocketAddress socket)) {
            return "unknown";
        }
        return socket.getAddress() == null ? socket.getHostString() : socket.getAddress().getHostAddress();
    }
}
