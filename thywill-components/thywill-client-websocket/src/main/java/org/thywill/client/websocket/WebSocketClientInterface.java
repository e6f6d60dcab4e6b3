package org.thywill.client.websocket;

import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.eclipse.jetty.http.HttpCookie;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.websocket.server.ServerUpgradeRequest;
import org.eclipse.jetty.websocket.server.ServerUpgradeResponse;
import org.eclipse.jetty.websocket.server.WebSocketUpgradeHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.thywill.api.Bootstrap;
import org.thywill.api.ClientConfiguration;
import org.thywill.api.ServerSettings;
import org.thywill.api.ThywillException;
import org.thywill.api.auth.Authenticator;
import org.thywill.api.client.Connection;
import org.thywill.api.client.ConnectionId;
import org.thywill.api.client.SessionId;
import org.thywill.api.database.Database;
import org.thywill.api.metrics.Metrics;
import org.thywill.delivery.ClientDelivery;
import org.thywill.http.ClientMetrics;
import org.thywill.http.MessageRateLimit;
import org.thywill.http.TransportClientInterface;

/**
 * The Client Interface {@code websocket}: a Jetty server of its own carrying one plain WebSocket endpoint at
 * {@value #PATH} and the JavaScript client library. A transport only: delivery is the Push's.
 */
final class WebSocketClientInterface extends TransportClientInterface {

    static final String PATH = "/thywill/ws";
    private static final Logger LOG = LoggerFactory.getLogger(WebSocketClientInterface.class);

    private final WebSocketSettings settings;
    private final ServerSettings server;
    private final Map<ConnectionId, PlainSocket> sockets = new ConcurrentHashMap<>();
    private final Set<PlainSocket> open = ConcurrentHashMap.newKeySet();
    private final Frames frames = new Frames();
    private final ConnectionCaps caps;
    private final Hellos hellos;
    private final MessageRelay relay;
    private final MessageRateLimit rate;
    private ScheduledExecutorService timers;
    private Server jetty;
    private ServerConnector connector;
    private volatile boolean stopping;

    WebSocketClientInterface(WebSocketSettings settings, ServerSettings server, Bootstrap bootstrap,
                             Database database, Authenticator authenticator, Metrics metrics) {
        // Its connections count under a transport of their own, beside cometd's, so that one dashboard shows both;
        // the sessions gauge stays cometd's.
        super(metrics, new ClientMetrics(metrics, false, Hellos.TRANSPORT));
        this.settings = settings;
        this.server = server;
        this.caps = new ConnectionCaps(settings.maxConnections(), settings.maxConnectionsPerAddress());
        this.hellos = new Hellos(this, bootstrap, authenticator, database.sessions());
        this.relay = new MessageRelay(bootstrap, inbound);
        this.rate = new MessageRateLimit(settings.maxMessagesPerSecond(), this.metrics);
    }

    @Override
    public void start() throws Exception {
        timers = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "thywill-ws-timers");
            t.setDaemon(true);
            return t;
        });
        QueuedThreadPool threads = new QueuedThreadPool(settings.maxThreads(), Math.min(8, settings.maxThreads()));
        threads.setName("thywill-ws");
        jetty = new Server(threads);
        jetty.setStopTimeout(2000);
        WebSocketUpgradeHandler upgrades = WebSocketUpgradeHandler.from(jetty, container -> {
            container.setIdleTimeout(settings.idleTimeout());
            // A frame a little over the cap is read and answered; only a far larger one closes the socket (1009).
            container.setMaxTextMessageSize(4L * settings.maxMessageSize());
            container.addMapping(PATH, this::upgrade);
        });
        upgrades.setHandler(new ScriptHandler());
        jetty.setHandler(upgrades);
        jetty.start();
    }

    private Object upgrade(ServerUpgradeRequest request, ServerUpgradeResponse response,
                           org.eclipse.jetty.util.Callback callback) {
        String origin = request.getHeaders().get(HttpHeader.ORIGIN);
        if (origin != null && !allowedOrigin(origin, Request.getServerName(request))) {
            Response.writeError(request, response, callback, HttpStatus.FORBIDDEN_403);
            return null;
        }
        Map<String, String> cookies = new HashMap<>();
        for (HttpCookie cookie : Request.getCookies(request)) {
            cookies.putIfAbsent(cookie.getName(), cookie.getValue());
        }
        return new PlainSocket(this, new Upgrade(Request.getRemoteAddr(request), cookies));
    }

    /** A browser page of another site must not use its visitor's session cookie here. */
    private boolean allowedOrigin(String origin, String serverName) {
        if (settings.allowedOrigins().contains("*") || settings.allowedOrigins().contains(origin)) {
            return true;
        }
        try {
            String host = URI.create(origin).getHost();
            return host != null && host.equalsIgnoreCase(serverName);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    @Override
    public void open() throws Exception {
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        connector = new ServerConnector(jetty, new HttpConnectionFactory(http));
        connector.setHost(server.host());
        connector.setPort(settings.port());
        jetty.addConnector(connector);
        try {
            connector.start();
        } catch (java.io.IOException e) {
            jetty.removeConnector(connector);
            connector = null;
            throw new ThywillException("Cannot listen on " + server.host() + ":" + settings.port() + " (" + e.getMessage()
                    + ") for plain WebSocket clients. Stop whatever uses that port, or set"
                    + " 'clientInterface.plain.port' to another one.", e);
        }
        LOG.info("Listening on {}:{} (plain WebSocket at {})", server.host(), connector.getLocalPort(), PATH);
    }

    /** Refuses new sockets and closes the open ones with 1001, which tells their clients to connect again. */
    @Override
    public void drain() {
        stopping = true;
        connections.stopping();
        int told = 0;
        for (PlainSocket socket : open) {
            socket.end(PlainSocket.GOING_AWAY, "server-stopping", "The server is shutting down; connect again.");
            told++;
        }
        LOG.info("Shutting down: told {} plain WebSocket clients to connect again", told);
    }

    @Override
    public void stop() {
        stopping = true;
        connections.stopping();
        if (jetty != null) {
            try {
                jetty.stop();
            } catch (Exception e) {
                LOG.warn("Jetty (plain WebSocket) did not stop cleanly", e);
            }
        }
        if (timers != null) {
            timers.shutdownNow();
        }
    }

    /** Tells pages where the plain WebSocket is, for a script that prefers it (thywill-ws.js). */
    @Override
    public void contribute(ClientConfiguration configuration) {
        configuration.bootstrapParameter("plainWebSocket", Map.of("port", port(), "path", PATH,
                "script", ScriptHandler.PATH));
    }

    @Override
    public int port() {
        ServerConnector c = connector;
        return c == null ? -1 : c.getLocalPort();
    }

    @Override
    public int deliver(Collection<ConnectionId> targets, String channel, Map<String, Object> data) {
        List<PlainSocket> here = new ArrayList<>();
        for (ConnectionId id : targets) {
            PlainSocket socket = sockets.get(id);
            if (socket != null) {
                here.add(socket);
            }
        }
        if (here.isEmpty()) {
            return 0;
        }
        Map<String, Object> frame = Frames.frame("message", null);
        frame.put("channel", channel);
        frame.put("data", data);
        String text = frames.write(frame);
        here.forEach(socket -> socket.send(text));
        return here.size();
    }

    @Override
    public int disconnect(SessionId session) {
        int ended = 0;
        for (ConnectionId id : connections.ofSession(session)) {
            PlainSocket socket = sockets.get(id);
            if (socket != null) {
                socket.end(1000, "disconnected", "The server ended this session's connections.");
                ended++;
            }
        }
        return ended;
    }

    /** A welcomed connection, told of: the Push first (it replays what the client has not handled), then the listeners. */
    /**
     * Tells the client why in a {@code close} frame, then closes with {@value PlainSocket#CLOSED_BY_SERVER}, which a
     * client takes as the end (a signed-out user must not connect again by itself).
     */
    @Override
    public boolean close(ConnectionId connection, String code, String message) {
        PlainSocket socket = sockets.get(connection);
        if (socket == null) {
            return false;
        }
        socket.end(PlainSocket.CLOSED_BY_SERVER, code, message);
        return true;
    }

    void connected(PlainSocket socket, Connection connection, boolean acknowledges, Map<String, Long> handled) {
        sockets.put(connection.id(), socket);
        connections.opened(connection, acknowledges
                ? () -> delivery.listener().acknowledging(connection, handled) : null);
    }

    /**
     * @param connection a welcomed connection whose socket closed
     * @param byServer whether this server ended it
     * @param timeout whether it closed because its client fell silent
     */
    void disconnected(Connection connection, boolean byServer, boolean timeout) {
        sockets.remove(connection.id());
        if (byServer) {
            connections.endingByServer(connection.id());
        }
        connections.closed(connection.id(), timeout);
    }

    void opened(PlainSocket socket) {
        open.add(socket);
    }

    void closed(PlainSocket socket) {
        open.remove(socket);
    }

    void relay(PlainSocket socket, Connection from, Map<String, Object> frame, String ref) throws FrameException {
        relay.send(socket, from, frame, ref);
    }

    void refuse(PlainSocket socket, String ref, Map<String, Object> frame, String code, String message) {
        MessageRelay.refuse(socket, ref, frame, code, message);
    }

    WebSocketSettings settings() {
        return settings;
    }

    Frames frames() {
        return frames;
    }

    ConnectionCaps caps() {
        return caps;
    }

    Hellos hellos() {
        return hellos;
    }

    /** @return the cap on frames per second per connection */
    MessageRateLimit rate() {
        return rate;
    }

    /** @return the meters of connections and messages */
    ClientMetrics metrics() {
        return metrics;
    }

    ClientDelivery delivery() {
        return delivery;
    }

    ScheduledExecutorService timers() {
        return timers;
    }

    boolean stopping() {
        return stopping;
    }
}
