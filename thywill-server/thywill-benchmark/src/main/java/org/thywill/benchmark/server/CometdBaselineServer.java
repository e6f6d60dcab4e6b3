package org.thywill.benchmark.server;

import java.net.URI;
import org.cometd.bayeux.server.BayeuxServer;
import org.cometd.server.AbstractServerTransport;
import org.cometd.server.BayeuxServerImpl;
import org.cometd.server.ext.AcknowledgedMessagesExtension;
import org.cometd.server.JacksonJSONContextServer;
import org.cometd.server.http.jakarta.CometDServlet;
import org.eclipse.jetty.ee11.servlet.ServletContextHandler;
import org.eclipse.jetty.ee11.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.component.LifeCycle;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.websocket.server.WebSocketUpgradeHandler;

/**
 * The baseline: a bare CometD server on the same Jetty and CometD versions as Thywill, with Jetty's and CometD's
 * default options (only the transports and the mapping they require are set), and the echo and broadcast services
 * of {@link BaselineServices}. Bayeux is at {@value #PATH}.
 */
public final class CometdBaselineServer implements AutoCloseable {

    /** The Bayeux endpoint's path. */
    public static final String PATH = "/cometd";

    private final Server jetty;
    private final ServerConnector connector;

    private CometdBaselineServer(Server jetty, ServerConnector connector) {
        this.jetty = jetty;
        this.connector = connector;
    }

    /**
     * @param host the address to listen on
     * @param port the port, 0 for a free one
     * @return the running server, with every default
     * @throws Exception when Jetty cannot start
     */
    public static CometdBaselineServer start(String host, int port) throws Exception {
        return start(host, port, BaselineTuning.DEFAULTS);
    }

    /**
     * @param host the address to listen on
     * @param port the port, 0 for a free one
     * @param tuning departures from the defaults, to measure a candidate default
     * @return the running server
     * @throws Exception when Jetty cannot start
     */
    public static CometdBaselineServer start(String host, int port, BaselineTuning tuning) throws Exception {
        Server jetty = tuning.maxThreads() > 0
                ? new Server(new QueuedThreadPool(tuning.maxThreads(), Math.min(8, tuning.maxThreads())))
                : new Server();
        ServerConnector connector = new ServerConnector(jetty);
        connector.setHost(host);
        connector.setPort(port);
        jetty.addConnector(connector);

        ServletContextHandler context = new ServletContextHandler("/");
        BayeuxServerImpl bayeux = new BayeuxServerImpl();
        bayeux.setOption(BayeuxServerImpl.TRANSPORTS_OPTION,
                "org.cometd.server.websocket.jetty.JettyWebSocketTransport,org.cometd.server.http.JSONHttpTransport");
        bayeux.setOption("ws.cometdURLMapping", PATH + "/*");
        bayeux.setOption(org.eclipse.jetty.server.Context.class.getName(), context.getContext());
        if (tuning.json().equals("jackson")) {
            bayeux.setOption(AbstractServerTransport.JSON_CONTEXT_OPTION, new JacksonJSONContextServer());
        }
        if (tuning.ack()) {
            bayeux.addExtension(new AcknowledgedMessagesExtension());
        }
        context.setAttribute(BayeuxServer.ATTRIBUTE, bayeux);
        ServletHolder cometd = new ServletHolder("cometd", CometDServlet.class);
        cometd.setAsyncSupported(true);
        cometd.setInitOrder(1);
        context.addServlet(cometd, PATH + "/*");
        context.insertHandler(WebSocketUpgradeHandler.from(jetty, context));
        jetty.setHandler(context);
        jetty.start();
        // Only a started BayeuxServer accepts channel listeners.
        new BaselineServices(bayeux).install();
        return new CometdBaselineServer(jetty, connector);
    }

    /** @return the port it listens on */
    public int port() {
        return connector.getLocalPort();
    }

    /** @return its base address on 127.0.0.1 */
    public URI uri() {
        return URI.create("http://127.0.0.1:" + port() + "/");
    }

    @Override
    public void close() {
        LifeCycle.stop(jetty);
    }
}
