package org.thywill.http;

import java.io.IOException;
import java.util.List;
import java.util.function.IntFunction;
import org.eclipse.jetty.ee11.servlet.ServletContextHandler;
import org.eclipse.jetty.ee11.servlet.ServletHolder;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.thywill.api.Bootstrap;
import org.thywill.api.ServerSettings;
import org.thywill.api.ThywillException;
import org.thywill.api.database.SessionStore;

/**
 * The HTTP side every Client Interface shares: one Jetty server with the application pages at
 * {@code /thywill/init/} and {@code /thywill/{id}/}, the browser library at {@code /thywill/client/}, every
 * component's {@link org.thywill.api.http.HttpEndpoint} at its prefix, error pages that never show Jetty or a stack
 * trace, the security headers on every answer, the origin check on the transport's path, trusted reverse proxies and
 * the session cookie. A Client Interface adds only its transport: a servlet or handler at its path.
 *
 * <p>Its life, driven by the Client Interface's own: build it, add the transport to {@link #context()} (and
 * {@link ServletContextHandler#insertHandler} for an upgrade handler, using {@link #jetty()}), then {@link #start()}
 * in the Client Interface's {@code start}, {@link #open()} in its {@code open} and {@link #stop()} in its
 * {@code stop}. Not thread-safe before {@link #start()}; afterwards Jetty's threads serve it.
 */
public final class HttpFront {

    /**
     * What a Client Interface decides about its HTTP side.
     *
     * @param maxThreads the most threads serving HTTP and the transport
     * @param sessionCookie the name of the HttpOnly session cookie
     * @param secureCookie mark the cookie {@code Secure} on every reply, not only on those to HTTPS requests
     * @param allowedOrigins page origins allowed on the transport's path besides the server's own, or {@code *}
     * @param transportPath the transport's path, such as {@code /thywill/cometd}: checked for the page's origin,
     *                      and its errors answered by {@code transportError}
     * @param transportError the body (JSON) of an error answer on the transport's path, for an HTTP status
     * @param clientResources the class path folder served at {@code /thywill/client/}, such as
     *                        {@code org/thywill/client/cometd/web/}
     */
    public record Options(int maxThreads, String sessionCookie, boolean secureCookie, List<String> allowedOrigins,
                          String transportPath, IntFunction<String> transportError, String clientResources) {
    }

    private final ServerSettings server;
    private final TrustedProxies proxies;
    private final OriginCheck origins;
    private final ErrorPages errors;
    private final SessionCookies cookies;
    private final Server jetty;
    private final ServletContextHandler context = new ServletContextHandler("/");
    private ServerConnector connector;

    /**
     * Builds the server and its pages; nothing listens yet.
     *
     * @param server the server section: host, port, trusted proxies
     * @param bootstrap the running applications' pages and the components' endpoints
     * @param sessions the sessions the cookie names
     * @param options the Client Interface's choices
     * @throws org.thywill.api.SettingsException if {@code server.trustedProxies} holds something not an address
     */
    public HttpFront(ServerSettings server, Bootstrap bootstrap, SessionStore sessions, Options options) {
        this.server = server;
        this.proxies = new TrustedProxies(server.trustedProxies());
        this.origins = new OriginCheck(options.transportPath(), options.allowedOrigins());
        this.errors = new ErrorPages(options.transportPath(), options.transportError());
        this.cookies = new SessionCookies(options.sessionCookie(), sessions, options.secureCookie());
        QueuedThreadPool threads = new QueuedThreadPool(options.maxThreads(), Math.min(8, options.maxThreads()));
        threads.setName("thywill-http");
        jetty = new Server(threads);
        jetty.setStopTimeout(2000);
        InitPageServlet pages = new InitPageServlet(bootstrap, cookies);
        context.addServlet(new ServletHolder("init", pages), "/thywill/init/*");
        context.addServlet(new ServletHolder("client", new ClasspathResourceServlet(options.clientResources())),
                "/thywill/client/*");
        context.addServlet(new ServletHolder("endpoints", new EndpointServlet(bootstrap, cookies, origins, pages)),
                "/");
    }

    /** @return the servlet context, to which the transport adds its servlet before {@link #start()} */
    public ServletContextHandler context() {
        return context;
    }

    /** @return the Jetty server, for a transport's upgrade handler */
    public Server jetty() {
        return jetty;
    }

    /** @return the session cookie, which a transport reads from its handshake or upgrade request */
    public SessionCookies cookies() {
        return cookies;
    }

    /**
     * Wraps what the transport added in the origin check, error pages and security headers, and starts Jetty's
     * handlers and threads, without listening yet.
     *
     * @throws Exception if Jetty does not start
     */
    public void start() throws Exception {
        // Outermost, so that the transport's upgrades are checked too.
        context.insertHandler(origins);
        context.setErrorHandler(errors);
        jetty.setErrorHandler(errors);
        jetty.setHandler(new SecurityHeaders(context));
        jetty.start();
    }

    /**
     * Listens on {@code server.host}:{@code server.port}.
     *
     * @throws ThywillException if the port cannot be had, saying what to change
     * @throws Exception if the connector fails otherwise
     */
    public void open() throws Exception {
        HttpConfiguration http = new HttpConfiguration();
        // No "Server: Jetty(version)" on every reply: it tells an attacker which vulnerabilities to try.
        http.setSendServerVersion(false);
        if (proxies.any()) {
            http.addCustomizer(proxies);
        }
        ServerConnector opened = new ServerConnector(jetty, new HttpConnectionFactory(http));
        opened.setHost(server.host());
        opened.setPort(server.port());
        jetty.addConnector(opened);
        try {
            opened.start();
        } catch (IOException e) {
            jetty.removeConnector(opened);
            throw new ThywillException("Cannot listen on " + server.host() + ":" + server.port() + " (" + e.getMessage()
                    + "). Stop whatever uses that port, or set 'server.port' to another one.", e);
        }
        connector = opened;
    }

    /** @return the port listened on, or -1 before {@link #open()} */
    public int port() {
        ServerConnector c = connector;
        return c == null ? -1 : c.getLocalPort();
    }

    /** Stops Jetty: connections end, the threads go. Logs rather than throws. */
    public void stop() {
        try {
            jetty.stop();
        } catch (Exception e) {
            org.slf4j.LoggerFactory.getLogger(HttpFront.class).warn("Jetty did not stop cleanly", e);
        }
    }
}
