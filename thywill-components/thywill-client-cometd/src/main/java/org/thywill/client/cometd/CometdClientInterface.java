package org.thywill.client.cometd;

import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cometd.bayeux.Promise;
import org.cometd.bayeux.server.BayeuxServer;
import org.cometd.bayeux.server.ServerMessage;
import org.cometd.bayeux.server.ServerSession;
import org.cometd.server.BayeuxServerImpl;
import org.cometd.server.ServerSessionImpl;
import org.cometd.server.ext.AcknowledgedMessagesExtension;
import org.eclipse.jetty.ee11.servlet.ServletContextHandler;
import org.eclipse.jetty.ee11.servlet.ServletHolder;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.websocket.server.WebSocketUpgradeHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.thywill.api.Bootstrap;
import org.thywill.api.ClientConfiguration;
import org.thywill.api.ClientResource;
import org.thywill.api.ServerSettings;
import org.thywill.api.ThywillException;
import org.thywill.api.admin.ConnectionAdmin;
import org.thywill.api.admin.ServerView;
import org.thywill.api.auth.Authenticator;
import org.thywill.api.client.AcknowledgementListener;
import org.thywill.api.client.ClientInterface;
import org.thywill.api.client.Connection;
import org.thywill.api.client.ConnectionId;
import org.thywill.api.client.ConnectionListener;
import org.thywill.api.client.DisconnectReason;
import org.thywill.api.client.MessageRouter;
import org.thywill.api.client.SessionId;
import org.thywill.api.database.Database;
import org.thywill.api.metrics.Metrics;
import org.thywill.client.cometd.auth.ConnectionAuthentication;
import org.thywill.delivery.ClientDelivery;
import org.thywill.delivery.ConnectionEvents;
import org.thywill.delivery.ConnectionRegistry;

/**
 * The Client Interface {@code cometd}: one Jetty server carrying the bootstrap page, the client scripts, every
 * component's endpoints and CometD's Bayeux endpoint at {@value #COMETD_PATH}.
 */
final class CometdClientInterface implements ClientInterface, ConnectionAdmin, BayeuxServer.SessionListener {

    static final String COMETD_PATH = "/thywill/cometd";
    private static final Logger LOG = LoggerFactory.getLogger(CometdClientInterface.class);
    private static final String CONNECTION_ATTRIBUTE = "thywill.connection";

    private final CometdSettings settings;
    private final ServerSettings server;
    private final Bootstrap bootstrap;
    private final Database database;
    private final Authenticator authenticator;
    private final ConnectionRegistry registry = new ConnectionRegistry();
    private final ClientDelivery delivery;
    private final ClientMessageRelay relay;
    private final ConnectionEvents events;
    private final ClientMetrics metrics;
    private final ShutdownDrain drain;
    private final ConnectionLimits connectionLimits;
    private final TrustedProxies proxies;
    private final ServerEnds ends = new ServerEnds();
    private Server jetty;
    private BayeuxServerImpl bayeux;
    private ServerConnector connector;
    private volatile boolean stopping;

    CometdClientInterface(CometdSettings settings, ServerSettings server, Bootstrap bootstrap, Database database,
                          Authenticator authenticator, Metrics metrics) {
        this.settings = settings;
        this.authenticator = authenticator;
        this.server = server;
        this.bootstrap = bootstrap;
        this.database = database;
        this.delivery = new ClientDelivery(metrics);
        this.events = new ConnectionEvents(delivery);
        this.metrics = new ClientMetrics(metrics);
        this.drain = new ShutdownDrain(this.metrics.refusedHandshakes());
        this.connectionLimits = new ConnectionLimits(settings.maxConnections(), settings.maxConnectionsPerAddress(),
                this.metrics.refusedServerWide(), this.metrics.refusedPerAddress());
        this.relay = new ClientMessageRelay(registry, delivery, this.metrics);
        this.proxies = new TrustedProxies(server.trustedProxies());
    }

    @Override
    public void start() throws Exception {
        QueuedThreadPool threads = new QueuedThreadPool(settings.maxThreads(), Math.min(8, settings.maxThreads()));
        threads.setName("thywill-http");
        jetty = new Server(threads);
        jetty.setStopTimeout(2000);

        ServletContextHandler context = new ServletContextHandler("/");
        bayeux = newBayeux(context);
        context.setAttribute(BayeuxServer.ATTRIBUTE, bayeux);

        SessionCookies cookies = new SessionCookies(settings.sessionCookie(), database.sessions(),
                settings.secureCookie());
        ServletHolder cometd = new ServletHolder("cometd", new BayeuxServlet());
        cometd.setAsyncSupported(true);
        cometd.setInitOrder(1);
        context.addServlet(cometd, COMETD_PATH + "/*");
        InitPageServlet pages = new InitPageServlet(bootstrap, cookies);
        context.addServlet(new ServletHolder("init", pages), "/thywill/init/*");
        context.addServlet(new ServletHolder("client", new ClasspathResourceServlet()), "/thywill/client/*");
        OriginCheck origins = new OriginCheck(COMETD_PATH, settings.allowedOrigins());
        context.addServlet(new ServletHolder("endpoints", new EndpointServlet(bootstrap, cookies, origins, pages)),
                "/");
        if (settings.websocket()) {
            context.insertHandler(WebSocketUpgradeHandler.from(jetty, context));
        }
        // Outermost, so that WebSocket upgrades are checked too.
        context.insertHandler(origins);
        ErrorPages errors = new ErrorPages(COMETD_PATH);
        context.setErrorHandler(errors);
        jetty.setErrorHandler(errors);
        jetty.setHandler(new SecurityHeaders(context));
        database.sessions().lifetime()
                .filter(lifetime -> lifetime.compareTo(settings.longPollTimeout().multipliedBy(2)) < 0)
                .ifPresent(lifetime -> LOG.warn("The database's sessionLifetime ({}) is less than twice the"
                        + " clientInterface's longPollTimeout ({}): a connected page's session may expire between"
                        + " two polls. Raise sessionLifetime.", lifetime, settings.longPollTimeout()));
        jetty.start();
        metrics.channels(() -> bayeux.getChannels().size());
        // The servlet started the BayeuxServer: only now do its channels accept listeners.
        bayeux.createChannelIfAbsent(ChannelPolicy.SERVICE_PREFIX + "*",
                channel -> {
                    channel.setPersistent(true);
                    channel.addListener(relay);
                });
    }

    private BayeuxServerImpl newBayeux(ServletContextHandler context) {
        BayeuxServerImpl b = new BayeuxServerImpl();
        b.setOption(BayeuxServerImpl.TRANSPORTS_OPTION, settings.websocket()
                ? "org.cometd.server.websocket.jetty.JettyWebSocketTransport,org.cometd.server.http.JSONHttpTransport"
                : "org.cometd.server.http.JSONHttpTransport");
        b.setOption("ws.cometdURLMapping", COMETD_PATH + "/*");
        b.setOption(org.eclipse.jetty.server.Context.class.getName(), context.getContext());
        b.setOption("timeout", settings.longPollTimeout().toMillis());
        b.setOption("maxInterval", settings.maxInterval().toMillis());
        b.setOption("maxMessageSize", settings.maxMessageSize());
        // An HTTP body over maxMessageSize is refused by the JSON context (413), not by the transport (500).
        b.setOption("long-polling.json.maxMessageSize", -1);
        // A /meta/connect replaced by a newer one of the same client is the client's doing: 409, not CometD's 500.
        b.setOption("long-polling.json.duplicateMetaConnectHttpResponseCode", HttpServletResponse.SC_CONFLICT);
        // A WebSocket frame over maxMessageSize is read and answered with an error (MessageSizeLimit); only a far
        // larger one closes the socket.
        b.setOption("ws.maxMessageSize", MessageSizeLimit.frameLimit(settings.maxMessageSize()));
        b.setOption("maxQueue", settings.maxQueue());
        ChannelPolicy policy = new ChannelPolicy(bootstrap, connectionLimits);
        ConnectionAuthentication.install(b, policy, authenticator, settings.sessionCookie(),
                ChannelPolicy.APPLICATION_ATTRIBUTE, ends::ending);
        b.addExtension(new ExtensionChain(List.of(drain, connectionLimits,
                new MessageRateLimit(settings.maxMessagesPerSecond(), metrics.rateLimited()),
                new MalformedMessages(),
                new MessageSizeLimit(settings.maxMessageSize(), metrics.oversized()),
                new HandshakeClock(),
                new ConnectAcknowledgements(registry, delivery),
                new ConnectActivity(registry, database.sessions()))));
        // Resends what a connection did not confirm when its transport reconnects, for clients that ask for it.
        b.addExtension(new AcknowledgedMessagesExtension());
        b.setOption(BayeuxServerImpl.SWEEP_PERIOD_OPTION, Math.min(997L, settings.maxInterval().toMillis() / 2));
        b.setOption("jsonContext", new ListArraysJsonContext(settings.maxMessageSize()));
        b.addListener(policy);
        b.addListener(this);
        return b;
    }

    @Override
    public void open() throws Exception {
        HttpConfiguration http = new HttpConfiguration();
        // No "Server: Jetty(version)" on every reply: it tells an attacker which vulnerabilities to try.
        http.setSendServerVersion(false);
        if (proxies.any()) {
            http.addCustomizer(proxies);
        }
        connector = new ServerConnector(jetty, new HttpConnectionFactory(http));
        connector.setHost(server.host());
        connector.setPort(server.port());
        jetty.addConnector(connector);
        try {
            connector.start();
        } catch (java.io.IOException e) {
            jetty.removeConnector(connector);
            connector = null;
            throw new ThywillException("Cannot listen on " + server.host() + ":" + server.port() + " (" + e.getMessage()
                    + "). Stop whatever uses that port, or set 'server.port' to another one.", e);
        }
        LOG.info("Listening on {}:{} (long-polling{})", server.host(), connector.getLocalPort(),
                settings.websocket() ? ", websocket" : "");
    }

    /**
     * Refuses handshakes from now on, then ends every connection without the goodbye that would tell its client to
     * stop: the reply to its waiting {@code /meta/connect} tells it to handshake again instead (see
     * {@link ShutdownDrain}). Its session's inbox stays with the Push, to be written to the Database when the Push
     * stops and replayed wherever the client connects next.
     */
    @Override
    public void drain() {
        stopping = true;
        drain.begin();
        BayeuxServerImpl b = bayeux;
        if (b == null) {
            return;
        }
        int told = 0;
        for (ServerSession session : b.getSessions()) {
            if (!session.isLocalSession() && b.removeSession(session)) {
                told++;
                if (session instanceof ServerSessionImpl impl) {
                    // Answers its waiting /meta/connect now, with the advice to handshake again.
                    impl.flush();
                }
            }
        }
        LOG.info("Shutting down: refusing new connections; told {} connected clients to connect again", told);
    }

    @Override
    public void stop() {
        stopping = true;
        if (jetty != null) {
            try {
                jetty.stop();
            } catch (Exception e) {
                LOG.warn("Jetty did not stop cleanly", e);
            }
        }
    }

    @Override
    public int port() {
        ServerConnector c = connector;
        return c == null ? -1 : c.getLocalPort();
    }

    @Override
    public void route(MessageRouter router) {
        relay.router(router);
    }

    @Override
    public void addListener(ConnectionListener listener) {
        events.add(listener);
    }

    @Override
    public void acknowledgements(AcknowledgementListener listener) {
        delivery.listener(listener);
    }

    @Override
    public int deliver(Collection<ConnectionId> targets, String channel, Map<String, Object> data) {
        List<ServerSession> sessions = new ArrayList<>(targets.size());
        for (ConnectionId id : targets) {
            ServerSession session = bayeux.getSession(id.value());
            if (session != null) {
                sessions.add(session);
            }
        }
        // One message for every session: CometD encodes it to JSON once, on the first delivery.
        ServerMessage.Mutable message = bayeux.newMessage();
        message.setChannel(channel);
        message.setData(data);
        for (ServerSession session : sessions) {
            session.deliver(null, message, Promise.noop());
        }
        metrics.sentOn(channel).increment(sessions.size());
        return sessions.size();
    }

    @Override
    public Optional<Connection> connection(ConnectionId id) {
        return registry.get(id);
    }

    @Override
    public Collection<ConnectionId> connectionsOf(SessionId session) {
        return registry.ofSession(session);
    }

    @Override
    public List<Connection> connections() {
        return registry.all();
    }

    /** Ends the session's connections as {@link ServerEnds#end} says. */
    @Override
    public int disconnect(SessionId session) {
        int ended = 0;
        for (ConnectionId id : registry.ofSession(session)) {
            ended += ends.end(bayeux == null ? null : bayeux.getSession(id.value())) ? 1 : 0;
        }
        return ended;
    }

    /** Tells the page why, then ends its session, as {@link ServerEnds#close} says. */
    @Override
    public boolean close(ConnectionId connection, String code, String message) {
        return registry.get(connection).isPresent()
                && ends.close(bayeux == null ? null : bayeux.getSession(connection.value()), code, message);
    }

    @Override
    public void contribute(ClientConfiguration configuration) {
        configuration.bootstrapParameter("clientInterface", Map.of(
                "cometdPath", COMETD_PATH,
                "websocket", settings.websocket()));
        configuration.bootstrapResource(ClientResource.script("/thywill/client/thywill.js", 0));
    }

    @Override
    public void sessionAdded(ServerSession session, ServerMessage message) {
        if (session.isLocalSession()) {
            return;
        }
        Object application = session.getAttribute(ChannelPolicy.APPLICATION_ATTRIBUTE);
        SessionId sessionId = SessionCookies.fromHandshake(message, settings.sessionCookie(), database.sessions());
        String transport = session.getServerTransport() == null ? "unknown" : session.getServerTransport().getName();
        var remote = message.getBayeuxContext() == null ? null : message.getBayeuxContext().getRemoteAddress();
        Connection connection = new Connection(new ConnectionId(session.getId()), sessionId,
                String.valueOf(application), transport, remote == null ? "" : remote.toString(),
                ConnectionAuthentication.user(session));
        session.setAttribute(CONNECTION_ATTRIBUTE, connection);
        String sessionLogId = ServerView.fingerprint(sessionId);
        session.setAttribute(ClientMessageRelay.SESSION_LOG_ID, sessionLogId);
        int batch = Math.max(1, settings.maxQueue() / 2);
        session.addListener(new SlowConsumerPolicy(bayeux, connection.applicationId(), metrics.slowConsumer(),
                () -> delivery.listener().fellBehind(connection, batch)));
        DeliveryHandshake handshake = DeliveryHandshake.of(message, bootstrap.applicationIds());
        if (handshake.acknowledges()) {
            // Long-polling would otherwise also answer a publish with queued messages, which can then overtake
            // those of the pending /meta/connect: numbered messages must arrive in order.
            session.setMetaConnectDeliveryOnly(true);
        }
        registry.add(connection);
        metrics.connected(connection);
        ClientMessageRelay.context(connection, sessionLogId);
        try {
            events.connected(connection, handshake.acknowledges(), handshake.handled());
        } finally {
            ClientMessageRelay.clearContext();
        }
    }

    @Override
    public void sessionRemoved(ServerSession session, ServerMessage message, boolean timeout) {
        connectionLimits.release(session);
        ConnectionId id = new ConnectionId(session.getId());
        boolean endedHere = ends.endedHere(id);
        Optional<Connection> removed = registry.remove(id);
        removed.ifPresent(connection -> {
            DisconnectReason reason = endedHere || stopping ? DisconnectReason.SERVER
                    : timeout ? DisconnectReason.TIMEOUT : DisconnectReason.CLIENT;
            metrics.disconnected(connection, reason);
            ClientMessageRelay.context(connection, session.getAttribute(ClientMessageRelay.SESSION_LOG_ID));
            try {
                events.disconnected(connection, reason);
            } finally {
                ClientMessageRelay.clearContext();
            }
        });
    }

    int connectionCount() {
        return registry.size();
    }
}
