package org.thywill.client.cometd;

import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.cometd.bayeux.Promise;
import org.cometd.bayeux.server.BayeuxServer;
import org.cometd.bayeux.server.ServerMessage;
import org.cometd.bayeux.server.ServerSession;
import org.cometd.server.BayeuxServerImpl;
import org.cometd.server.ServerSessionImpl;
import org.cometd.server.ext.AcknowledgedMessagesExtension;
import org.eclipse.jetty.ee11.servlet.ServletContextHandler;
import org.eclipse.jetty.ee11.servlet.ServletHolder;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.websocket.server.WebSocketUpgradeHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.thywill.api.Bootstrap;
import org.thywill.api.ClientConfiguration;
import org.thywill.api.ClientResource;
import org.thywill.api.ServerSettings;
import org.thywill.api.auth.Authenticator;
import org.thywill.api.client.AcknowledgementListener;
import org.thywill.api.client.Connection;
import org.thywill.api.client.ConnectionId;
import org.thywill.api.client.SessionId;
import org.thywill.api.database.Database;
import org.thywill.api.metrics.Metrics;
import org.thywill.client.cometd.auth.ConnectionAuthentication;
import org.thywill.http.ConnectionLimits;
import org.thywill.http.DeliveryHandshake;
import org.thywill.http.HttpFront;
import org.thywill.http.MessageRateLimit;
import org.thywill.http.MessageSizeLimit;
import org.thywill.http.TransportClientInterface;

/**
 * The Client Interface {@code cometd}: one Jetty server carrying the bootstrap page, the client scripts, every
 * component's endpoints and CometD's Bayeux endpoint at {@value #COMETD_PATH}.
 */
final class CometdClientInterface extends TransportClientInterface implements BayeuxServer.SessionListener {

    static final String COMETD_PATH = "/thywill/cometd";
    private static final Logger LOG = LoggerFactory.getLogger(CometdClientInterface.class);

    private final CometdSettings settings;
    private final ServerSettings server;
    private final Bootstrap bootstrap;
    private final Database database;
    private final Authenticator authenticator;
    private final ClientMessageRelay relay;
    private final ShutdownDrain drain;
    private final HandshakeLimits connectionLimits;
    private final HttpFront http;
    private final ServerEnds ends;
    private BayeuxServerImpl bayeux;

    CometdClientInterface(CometdSettings settings, ServerSettings server, Bootstrap bootstrap, Database database,
                          Authenticator authenticator, Metrics metrics) {
        super(metrics);
        this.settings = settings;
        this.authenticator = authenticator;
        this.server = server;
        this.bootstrap = bootstrap;
        this.database = database;
        this.drain = new ShutdownDrain(this.metrics.refusedHandshakes());
        this.connectionLimits = new HandshakeLimits(new ConnectionLimits(settings.maxConnections(),
                settings.maxConnectionsPerAddress(), this.metrics));
        this.ends = new ServerEnds(connections);
        this.relay = new ClientMessageRelay(connections, inbound);
        this.http = new HttpFront(server, bootstrap, database.sessions(), new HttpFront.Options(settings.maxThreads(),
                settings.sessionCookie(), settings.secureCookie(), settings.allowedOrigins(), COMETD_PATH,
                code -> new MalformedBayeux(code, null, null, HttpStatus.getMessage(code)).replyJson(),
                "org/thywill/client/cometd/web/"));
    }

    @Override
    public void start() throws Exception {
        ServletContextHandler context = http.context();
        bayeux = newBayeux(context);
        context.setAttribute(BayeuxServer.ATTRIBUTE, bayeux);
        ServletHolder cometd = new ServletHolder("cometd", new BayeuxServlet());
        cometd.setAsyncSupported(true);
        cometd.setInitOrder(1);
        context.addServlet(cometd, COMETD_PATH + "/*");
        if (settings.websocket()) {
            context.insertHandler(WebSocketUpgradeHandler.from(http.jetty(), context));
        }
        database.sessions().lifetime()
                .filter(lifetime -> lifetime.compareTo(settings.longPollTimeout().multipliedBy(2)) < 0)
                .ifPresent(lifetime -> LOG.warn("The database's sessionLifetime ({}) is less than twice the"
                        + " clientInterface's longPollTimeout ({}): a connected page's session may expire between"
                        + " two polls. Raise sessionLifetime.", lifetime, settings.longPollTimeout()));
        http.start();
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
        // A WebSocket frame over maxMessageSize is read and answered with an error (OversizedMessages); only a far
        // larger one closes the socket.
        MessageSizeLimit sizes = new MessageSizeLimit(settings.maxMessageSize(), metrics);
        b.setOption("ws.maxMessageSize", sizes.frameLimit());
        b.setOption("maxQueue", settings.maxQueue());
        ChannelPolicy policy = new ChannelPolicy(bootstrap, connectionLimits);
        ConnectionAuthentication.install(b, policy, authenticator, settings.sessionCookie(),
                ChannelPolicy.APPLICATION_ATTRIBUTE, ends::ending);
        b.addExtension(new ExtensionChain(List.of(drain, connectionLimits,
                new PublishRateLimit(new MessageRateLimit(settings.maxMessagesPerSecond(), metrics)),
                new MalformedMessages(),
                new OversizedMessages(sizes),
                new HandshakeClock(),
                new ConnectPolls(connections, database.sessions(), delivery))));
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
        http.open();
        LOG.info("Listening on {}:{} (long-polling{})", server.host(), http.port(),
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
        connections.stopping();
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
        connections.stopping();
        http.stop();
    }

    @Override
    public int port() {
        return http.port();
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




    /** Ends the session's connections as {@link ServerEnds#end} says. */
    @Override
    public int disconnect(SessionId session) {
        int ended = 0;
        for (ConnectionId id : connections.ofSession(session)) {
            ended += ends.end(bayeux == null ? null : bayeux.getSession(id.value())) ? 1 : 0;
        }
        return ended;
    }

    /** Tells the page why, then ends its session, as {@link ServerEnds#close} says. */
    @Override
    public boolean close(ConnectionId connection, String code, String message) {
        return connections.get(connection).isPresent()
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
        SessionId sessionId = http.cookies().ofConnection(message.getBayeuxContext() == null ? null
                : message.getBayeuxContext().getCookie(settings.sessionCookie()));
        String transport = session.getServerTransport() == null ? "unknown" : session.getServerTransport().getName();
        var remote = message.getBayeuxContext() == null ? null : message.getBayeuxContext().getRemoteAddress();
        Connection connection = new Connection(new ConnectionId(session.getId()), sessionId,
                String.valueOf(application), transport, remote == null ? "" : remote.toString(),
                ConnectionAuthentication.user(session));
        int batch = Math.max(1, settings.maxQueue() / 2);
        session.addListener(new SlowConsumerPolicy(bayeux, connection.applicationId(), metrics.slowConsumer(),
                () -> delivery.listener().fellBehind(connection, batch)));
        DeliveryHandshake handshake = DeliveryHandshake.of(ThywillExt.of(message), bootstrap.applicationIds());
        if (handshake.acknowledges()) {
            // Long-polling would otherwise also answer a publish with queued messages, which can then overtake
            // those of the pending /meta/connect: numbered messages must arrive in order.
            session.setMetaConnectDeliveryOnly(true);
        }
        AcknowledgementListener acknowledgements = delivery.listener();
        // The Push replays its inboxes to a connection that acknowledges before its listeners hear of it.
        connections.opened(connection, handshake.acknowledges()
                ? () -> acknowledgements.acknowledging(connection, handshake.handled()) : null);
    }

    @Override
    public void sessionRemoved(ServerSession session, ServerMessage message, boolean timeout) {
        connectionLimits.release(session);
        connections.closed(new ConnectionId(session.getId()), timeout);
    }
}
