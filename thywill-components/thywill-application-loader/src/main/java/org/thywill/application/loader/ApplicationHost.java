package org.thywill.application.loader;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.thywill.api.ClientConfiguration;
import org.thywill.api.ClientResource;
import org.thywill.api.admin.AdminAccess;
import org.thywill.api.admin.ApplicationAdmin;
import org.thywill.api.admin.ApplicationState;
import org.thywill.api.application.ApplicationInfo;
import org.thywill.api.application.ClientMessage;
import org.thywill.api.application.NotPermittedException;
import org.thywill.api.application.ApplicationInterface;
import org.thywill.api.application.PageOptions;
import org.thywill.api.application.PageRenderException;
import org.thywill.api.application.PageRequest;
import org.thywill.api.client.ClientInterface;
import org.thywill.api.client.ClientMessageException;
import org.thywill.api.client.Connection;
import org.thywill.api.client.ConnectionListener;
import org.thywill.api.client.DisconnectReason;
import org.thywill.api.client.MessageRouter;
import org.thywill.api.database.Database;
import org.thywill.api.http.HttpEndpoint;
import org.thywill.api.http.HttpResponse;
import org.thywill.api.metrics.Metrics;
import org.thywill.api.push.EnvelopeType;
import org.thywill.api.push.Push;

/**
 * The Application Interface shared by {@code jar} and {@code classpath}: starts the applications of its source
 * (one that fails is reported by name and the others run), applies the source's later changes, routes client
 * messages, remote calls and connection events to the running applications, and adds each one's page body, scripts
 * and styles to its page.
 */
final class ApplicationHost implements ApplicationInterface, ApplicationAdmin, MessageRouter, ConnectionListener {

    private static final Logger LOG = LoggerFactory.getLogger(ApplicationHost.class);
    /** The rest of a message envelope's shape, in error messages. */
    private static final String DATA = "\"data\":...";
    private static final Pattern JAR_VERSION = Pattern.compile(".*?-(\\d[\\w.-]*)\\.jar");

    private final ApplicationSource source;
    private final ClientInterface clients;
    private final Deployments deployments;
    private final HotDeploy hotDeploy;
    private final RemoteCalls calls;

    ApplicationHost(ApplicationSource source, List<String> enabled, String enabledKey, Duration rpcTimeout,
                    ClientInterface clients, Push push, Database database, Metrics metrics) {
        this(source, enabled, enabledKey, rpcTimeout, clients, push, database, metrics, Optional.empty());
    }

    ApplicationHost(ApplicationSource source, List<String> enabled, String enabledKey, Duration rpcTimeout,
                    ClientInterface clients, Push push, Database database, Metrics metrics,
                    Optional<AdminAccess> admin) {
        this.source = source;
        this.clients = clients;
        this.deployments = new Deployments(enabled, enabledKey, new ApplicationRunner(push, database, metrics,
                admin.orElse(null)));
        this.hotDeploy = new HotDeploy(deployments, push);
        this.calls = new RemoteCalls(push, rpcTimeout, new RpcMetrics(metrics));
    }

    @Override
    public void start() {
        deployments.startAll(source.load());
        calls.start();
        deployments.snapshot().ordered().forEach(calls::prepare);
        clients.addListener(this);
        clients.route(this);
        List<RunningApplication> running = deployments.snapshot().ordered();
        LOG.info("Applications running: {}", running.isEmpty() ? "none" : running.stream()
                .map(a -> a.id() + " (" + a.source() + ")").collect(Collectors.joining(", ")));
        source.watch(hotDeploy);
    }

    @Override
    public void stop() {
        source.close();
        deployments.stopAll();
        calls.stop();
    }

    @Override
    public List<ApplicationInfo> applications() {
        return deployments.snapshot().ordered().stream().map(RunningApplication::info).toList();
    }

    @Override
    public List<ApplicationState> applicationStates() {
        List<ApplicationState> states = new ArrayList<>();
        deployments.snapshot().ordered().forEach(app -> states.add(state(app, true)));
        deployments.parked().forEach(app -> states.add(state(app, false)));
        return states;
    }

    private static ApplicationState state(RunningApplication app, boolean running) {
        return new ApplicationState(app.id(), app.title(), app.source(), version(app), running,
                running ? app.connections().size() : 0);
    }

    /** @return the jar manifest's Implementation-Version, else the version in a Maven jar's name, else empty */
    private static String version(RunningApplication app) {
        Package p = app.application().getClass().getPackage();
        String declared = p == null ? null : p.getImplementationVersion();
        if (declared != null) {
            return declared;
        }
        Matcher named = JAR_VERSION.matcher(app.source());
        return named.matches() ? named.group(1) : "";
    }

    @Override
    public boolean undeploy(String applicationId) {
        if (find(applicationId).filter(RunningApplication::asksForAdmin).isPresent()) {
            throw new IllegalArgumentException("Application '" + applicationId + "' holds the server's view and"
                    + " cannot be undeployed through it");
        }
        RunningApplication gone = deployments.undeployOne(applicationId);
        if (gone == null) {
            return false;
        }
        LOG.info("Undeployed '{}' from the admin console", applicationId);
        hotDeploy.tell(gone, HotDeploy.REMOVED);
        return true;
    }

    @Override
    public boolean redeploy(String applicationId) {
        String from = deployments.sourceOf(applicationId);
        if (from == null) {
            return false;
        }
        Optional<ApplicationBundle> fresh = source.reload(from);
        if (fresh.isPresent()) {
            // Read again from the jar as it is now, as if it had been replaced; its other applications too.
            hotDeploy.replaced(from, fresh::get);
            return find(applicationId).isPresent();
        }
        RunningApplication old = deployments.restart(applicationId);
        LOG.info("Redeployed '{}' from the admin console", applicationId);
        if (old != null) {
            hotDeploy.tell(old, HotDeploy.REPLACED);
        }
        return old != null;
    }

    @Override
    public PageOptions pageOptions(String applicationId) {
        return find(applicationId).map(RunningApplication::pageOptions).orElse(PageOptions.ORDINARY);
    }

    Optional<RunningApplication> find(String id) {
        return Optional.ofNullable(deployments.snapshot().byId().get(id));
    }

    @Override
    public void route(Connection from, String applicationId, Map<String, Object> envelope) {
        Deployments.Snapshot now = deployments.snapshot();
        RunningApplication app = now.byId().get(applicationId);
        EnvelopeType type = EnvelopeType.of(envelope).orElse(null);
        if (type == EnvelopeType.CALL) {
            calls.call(app, applicationId, from, envelope);
            return;
        }
        if (app == null) {
            throw new ClientMessageException(ClientMessageException.UNKNOWN_APPLICATION, "No running application"
                    + " has the id '" + applicationId + "'. Running: "
                    + now.ordered().stream().map(RunningApplication::id).toList() + ".");
        }
        if (type != EnvelopeType.MESSAGE) {
            throw new ClientMessageException(ClientMessageException.BAD_MESSAGE, "Unknown message type '"
                    + envelope.get(EnvelopeType.KEY) + "'. Send " + EnvelopeType.MESSAGE.shape(DATA) + " or "
                    + EnvelopeType.CALL.shape("...") + ".");
        }
        if (!envelope.containsKey("data")) {
            throw new ClientMessageException(ClientMessageException.BAD_MESSAGE,
                    "The message has no 'data'. Send " + EnvelopeType.MESSAGE.shape(DATA) + ".");
        }
        ClientMessage message = new ClientMessage(from, envelope.get("data"),
                Optional.ofNullable(envelope.get("id") instanceof String id ? id : null));
        try {
            if (!app.application().permits(message)) {
                throw new NotPermittedException("The application '" + app.id() + "' does not permit this message.");
            }
            app.application().onMessage(message);
        } catch (NotPermittedException e) {
            throw new ClientMessageException(ClientMessageException.NOT_PERMITTED, e.getMessage());
        } catch (LinkageError e) {
            // A class missing from the jar: answered as any other application failure.
            throw new IllegalStateException(app.source() + ": application '" + app.id() + "' lacks a class", e);
        }
    }

    @Override
    public void connected(Connection connection) {
        find(connection.applicationId()).ifPresent(app -> {
            app.connections().add(connection.id());
            call(app, "onConnect", () -> app.application().onConnect(connection));
        });
    }

    @Override
    public void disconnected(Connection connection, DisconnectReason reason) {
        // Only the instance that saw the connection open hears it close, not a version deployed since.
        find(connection.applicationId()).filter(app -> app.connections().remove(connection.id()))
                .ifPresent(app -> call(app, "onDisconnect", () -> app.application().onDisconnect(connection,
                        reason)));
    }

    private static void call(RunningApplication app, String what, Runnable call) {
        try {
            call.run();
        } catch (RuntimeException | LinkageError e) {
            LOG.error("{}: application '{}' failed in {}", app.source(), app.id(), what, e);
        }
    }

    @Override
    public Optional<HttpResponse> beforePage(PageRequest request) {
        Optional<RunningApplication> found = find(request.applicationId());
        if (found.isEmpty()) {
            return Optional.empty();
        }
        RunningApplication app = found.get();
        try {
            Optional<HttpResponse> answer = app.application().beforePage(request);
            if (answer == null) {
                throw new IllegalStateException("beforePage returned null; return Optional.empty() to serve the page");
            }
            return answer;
        } catch (RuntimeException | LinkageError e) {
            LOG.error("{}: application '{}' failed in beforePage for {}", app.source(), app.id(), request.path(), e);
            return Optional.of(HttpResponse.text(500, "This page could not be served."));
        }
    }

    @Override
    public void contribute(ClientConfiguration configuration) {
        find(configuration.applicationId()).ifPresent(app -> {
            configuration.title(app.title());
            Optional<String> rendered = renderBody(app, configuration);
            (rendered.isPresent() ? rendered : app.body()).ifPresent(configuration::body);
            String base = ApplicationFilesEndpoint.PREFIX + app.id() + "/";
            app.client().styles().forEach(s -> configuration.applicationResource(ClientResource.style(base + s, 0)));
            app.client().scripts().forEach(s -> configuration.applicationResource(ClientResource.script(base + s,
                    0)));
        });
    }

    /** The application's own HTML for this page, if it renders one; a failure is logged and stops the page. */
    private static Optional<String> renderBody(RunningApplication app, ClientConfiguration configuration) {
        PageRequest request = new PageRequest(configuration.applicationId(), configuration.path(),
                configuration.query(), configuration.session());
        Optional<String> body;
        try {
            body = app.application().renderBody(request);
        } catch (PageRenderException e) {
            LOG.error("{}: application '{}' could not render {}: {}", app.source(), app.id(), request.path(),
                    e.getMessage(), e);
            throw e;
        } catch (RuntimeException | LinkageError e) {
            LOG.error("{}: application '{}' failed in renderBody for {}", app.source(), app.id(), request.path(), e);
            throw new PageRenderException("This page could not be rendered.");
        }
        if (body == null) {
            LOG.error("{}: application '{}' returned null from renderBody; return Optional.empty() for no body",
                    app.source(), app.id());
            throw new PageRenderException("This page could not be rendered.");
        }
        return body;
    }

    @Override
    public List<HttpEndpoint> endpoints() {
        return List.of(new ApplicationFilesEndpoint(this::find), new ApplicationApiEndpoint(this::find));
    }
}
