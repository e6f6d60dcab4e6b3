package org.thywill.client.cometd;

import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.cometd.bayeux.Channel;
import org.cometd.bayeux.Message;
import org.cometd.bayeux.server.BayeuxContext;
import org.cometd.bayeux.server.BayeuxServer;
import org.cometd.bayeux.server.ServerMessage;
import org.cometd.bayeux.server.ServerSession;
import org.thywill.api.metrics.Counter;

/**
 * Caps the connections this server holds, per client address ({@code clientInterface.maxConnectionsPerAddress}) and
 * in all ({@code clientInterface.maxConnections}), so that neither one host nor the sum of all can hold more than
 * the server was sized for. The address is the request's remote address as Jetty gives it (the forwarded client's
 * behind a trusted proxy). A handshake over a cap is refused: {@code error} {@value #PER_ADDRESS_ERROR} or
 * {@value #SERVER_ERROR}, {@code ext.thywill.error} saying which setting, and the advice to handshake again after
 * {@value #RETRY_MILLIS} ms. A connection counts from its admitted handshake until CometD removes its session.
 */
final class ConnectionLimits implements BayeuxServer.Extension {

    static final String CODE = "too-many-connections";
    static final String PER_ADDRESS_ERROR = "429::too_many_connections_from_address";
    static final String SERVER_ERROR = "503::too_many_connections";
    /** How long a refused client waits before it tries again: a browser's library follows the advice. */
    static final long RETRY_MILLIS = 10_000;
    /** The session attribute holding the address a connection counts against. */
    private static final String ADDRESS = "thywill.connectionAddress";

    private final int maxConnections;
    private final int maxPerAddress;
    private final Counter refusedServerWide;
    private final Counter refusedPerAddress;
    private final AtomicInteger held = new AtomicInteger();
    private final Map<String, Integer> byAddress = new ConcurrentHashMap<>();

    /**
     * @param maxConnections the most connections in all, 0 for no cap
     * @param maxPerAddress the most connections from one address, 0 for no cap
     * @param refusedServerWide counts handshakes refused for the first cap
     * @param refusedPerAddress counts handshakes refused for the second
     */
    ConnectionLimits(int maxConnections, int maxPerAddress, Counter refusedServerWide, Counter refusedPerAddress) {
        this.maxConnections = maxConnections;
        this.maxPerAddress = maxPerAddress;
        this.refusedServerWide = refusedServerWide;
        this.refusedPerAddress = refusedPerAddress;
    }

    /**
     * Counts a handshake's connection, or refuses it; called once the rest of the handshake is found good.
     *
     * @return whether the connection may be made
     */
    boolean admit(ServerSession session, ServerMessage handshake) {
        if (!takeServerWide()) {
            refusedServerWide.increment();
            refuse(handshake, "maxConnections", "This server holds its most connections (" + maxConnections
                    + "); try again later.");
            return false;
        }
        String address = address(handshake);
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
            refuse(handshake, "maxConnectionsPerAddress", "Your address holds the most connections this server"
                    + " allows one address (" + maxPerAddress + "); close a tab or try again later.");
            return false;
        }
        session.setAttribute(ADDRESS, address);
        return true;
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

    /** A session ended: its connection no longer counts. */
    void release(ServerSession session) {
        if (session.removeAttribute(ADDRESS) instanceof String address) {
            held.decrementAndGet();
            byAddress.computeIfPresent(address, (a, n) -> n <= 1 ? null : n - 1);
        }
    }

    private static String address(ServerMessage handshake) {
        BayeuxContext context = handshake.getBayeuxContext();
        if (context == null || !(context.getRemoteAddress() instanceof InetSocketAddress remote)) {
            return "unknown";
        }
        return remote.getAddress() == null ? remote.getHostString() : remote.getAddress().getHostAddress();
    }

    private static void refuse(ServerMessage handshake, String setting, String text) {
        ServerMessage.Mutable reply = handshake.getAssociated();
        if (reply == null) {
            return;
        }
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", CODE);
        error.put("limit", setting);
        error.put("message", text);
        reply.getExt(true).put("thywill", Map.of("error", error));
        Map<String, Object> advice = reply.getAdvice(true);
        advice.put(Message.RECONNECT_FIELD, Message.RECONNECT_HANDSHAKE_VALUE);
        advice.put(Message.INTERVAL_FIELD, RETRY_MILLIS);
    }

    /** CometD writes {@code 403::handshake_denied} into every refused handshake: this says which cap refused it. */
    @Override
    public boolean sendMeta(ServerSession to, ServerMessage.Mutable message) {
        if (Channel.META_HANDSHAKE.equals(message.getChannel()) && !message.isSuccessful()
                && message.getExt() != null && message.getExt().get("thywill") instanceof Map<?, ?> thywill
                && thywill.get("error") instanceof Map<?, ?> error && CODE.equals(error.get("code"))) {
            message.put(Message.ERROR_FIELD, "maxConnections".equals(error.get("limit")) ? SERVER_ERROR
                    : PER_ADDRESS_ERROR);
        }
        return true;
    }
}
