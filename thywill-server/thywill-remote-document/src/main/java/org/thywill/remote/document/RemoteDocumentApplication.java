package org.thywill.remote.document;

import java.lang.System.Logger.Level;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.thywill.api.application.Application;
import org.thywill.api.application.ApplicationContext;
import org.thywill.api.application.ApplicationDescriptor;
import org.thywill.api.application.ClientSide;
import org.thywill.api.client.Connection;
import org.thywill.api.client.DisconnectReason;
import org.thywill.api.http.HttpResponse;

/**
 * The base of an application written with the remote document: it maps routes to views and runs one
 * {@link RemoteDocument} for every open page. A subclass names itself in its constructor, fills its {@link #routes}, and lists this
 * class's service entry as any application does.
 *
 * <pre>{@code
 * public final class HelloApplication extends RemoteDocumentApplication {
 *     public HelloApplication() { super("hello", "Hello"); }    // the id and the title
 *     protected void routes(Routes routes) {
 *         routes.view("/", request -> document -> document.root().appendNew("p").text("Hello"));
 *     }
 * }
 * }</pre>
 *
 * <p>It owns a small pool of worker threads (see {@link RemoteDocumentSettings}) on which every document callback
 * runs, one at a time per document, so server threads never wait for application code. The {@link Application}
 * methods are final; the {@code on...} hooks here are the ones to override.
 */
public abstract class RemoteDocumentApplication implements Application {

    private static final System.Logger LOG = System.getLogger(RemoteDocumentApplication.class.getName());

    private final Documents documents = new Documents();
    private final String id;
    private final String title;
    private volatile DocumentHost host;
    private volatile Routes routes;
    private volatile ExecutorService workers;
    private volatile ScheduledExecutorService clock;
    private volatile Templates templates;

    /**
     * @param id the application's id (see {@link ApplicationDescriptor#id()}), which also names its template folder
     * @param title the title of its pages; null for the id
     */
    protected RemoteDocumentApplication(String id, String title) {
        this.id = id;
        this.title = title == null ? id : title;
    }

    /**
     * Fills the routes, once, when the application starts.
     *
     * @param routes the routes to fill
     */
    protected abstract void routes(Routes routes);

    /** @return how documents run; {@link RemoteDocumentSettings#DEFAULTS} unless overridden */
    protected RemoteDocumentSettings settings() {
        return RemoteDocumentSettings.DEFAULTS;
    }

    /**
     * @return the application's style sheets, relative to {@value RemoteDocumentClient#FOLDER}
     *         (such as {@code my-app/my-app.css}); none by default
     */
    protected List<String> styleSheets() {
        return List.of();
    }

    /**
     * @return the class-path folder of the application's templates, in its jar; {@code templates/{id}} by default
     *         (a folder the server does not serve to browsers, unlike {@value RemoteDocumentClient#FOLDER})
     */
    protected String templateFolder() {
        return "templates/" + id;
    }

    /**
     * @return the templates the views render, as file names in {@link #templateFolder()}; each is compiled when the
     *         application starts, so that a missing or broken one stops the start naming it. None by default.
     */
    protected List<String> templates() {
        return List.of();
    }

    /**
     * @return the application's templates, for code outside a view
     * @throws IllegalStateException before the application started
     */
    protected final Templates templateEngine() {
        Templates t = templates;
        if (t == null) {
            throw new IllegalStateException("The application '" + id + "' has not started yet.");
        }
        return t;
    }

    /**
     * Called once when the application starts, after the routes are filled and before any page connects.
     *
     * @param context the application's context (its data source, for one)
     * @throws Exception to refuse to start
     */
    protected void onStart(ApplicationContext context) throws Exception {
    }

    /** Called once when the application stops, after every document closed. */
    protected void onStop() {
    }

    /**
     * A page started, before its first view: it is counted in {@link #documents()} already. Runs on the document's
     * sequence.
     *
     * @param document the new document
     * @throws Exception logged
     */
    protected void onDocumentOpened(RemoteDocument document) throws Exception {
    }

    /**
     * A page closed, after its view stopped: it is no longer counted. Runs on the document's sequence.
     *
     * @param document the document, which sends nothing more
     * @throws Exception logged
     */
    protected void onDocumentClosed(RemoteDocument document) throws Exception {
    }

    /** @return the open documents, to count and message (webalchemy's {@code msg_in_proc}) */
    public final OpenDocuments documents() {
        return documents;
    }

    /**
     * @return the application's context
     * @throws IllegalStateException before the application started
     */
    protected final ApplicationContext context() {
        DocumentHost h = host;
        if (h == null) {
            throw new IllegalStateException("The application '" + id + "' has not started yet.");
        }
        return h.context();
    }

    @Override
    public final ApplicationDescriptor descriptor() {
        return new ApplicationDescriptor(id, title, RemoteDocumentClient.clientSide(styleSheets()));
    }

    @Override
    public final void start(ApplicationContext context) throws Exception {
        Templates templates = new Templates(getClass().getClassLoader(), templateFolder());
        templates.require(templates());
        this.templates = templates;
        Routes routes = new Routes();
        routes(routes);
        this.routes = routes;
        RemoteDocumentSettings settings = settings();
        workers = Executors.newFixedThreadPool(settings.workerThreads(), threads(context.applicationId()));
        clock = Executors.newSingleThreadScheduledExecutor(threads(context.applicationId() + "-clock"));
        DocumentHost.Hooks hooks = new DocumentHost.Hooks() {
            @Override
            public void opened(RemoteDocument document) throws Exception {
                onDocumentOpened(document);
            }

            @Override
            public void closed(RemoteDocument document) throws Exception {
                onDocumentClosed(document);
            }
        };
        host = new DocumentHost(context, routes, settings, workers, clock, documents, hooks, templates);
        try {
            onStart(context);
        } catch (Exception | LinkageError e) {
            shutdown();
            throw e;
        }
    }

    /**
     * Runs the checks of the route the address names before the page is served, so that a refused route is
     * answered with its HTTP status and a redirect with a 302 to the application's page at the new route; an
     * unknown route is answered 404.
     */
    @Override
    public final Optional<HttpResponse> beforePage(org.thywill.api.application.PageRequest request) {
        Routes r = routes;
        if (r == null) {
            return Optional.empty();
        }
        Routes.Decision decision;
        try {
            decision = r.decide(request.path(), rawQuery(request.query()), request.session());
        } catch (Exception e) {
            throw new IllegalStateException("The checks before " + request.path() + " failed", e);
        }
        if (decision instanceof Routes.Decision.Redirect redirect) {
            String location = "/thywill/init/" + request.applicationId() + redirect.path();
            return Optional.of(new HttpResponse(302, "text/plain;charset=utf-8",
                    ("Moved to " + location).getBytes(StandardCharsets.UTF_8), Map.of("Location", location)));
        }
        if (decision instanceof Routes.Decision.Refused refused) {
            return Optional.of(refusalPage(refused.status(), refused.message()));
        }
        return Optional.empty();
    }

    /**
     * Renders the route's view on the server ({@link View#render}) into the page, inside the runtime's view
     * container, so the page is readable before it connects and with JavaScript off. A view that does not render
     * leaves the page's body empty, as before.
     */
    @Override
    public final Optional<String> renderBody(org.thywill.api.application.PageRequest request) {
        Routes r = routes;
        Templates t = templates;
        if (r == null || t == null) {
            return Optional.empty();
        }
        Routes.Decision decision;
        Optional<String> html;
        try {
            decision = r.decide(request.path(), rawQuery(request.query()), request.session());
            if (!(decision instanceof Routes.Decision.Show show)) {
                return Optional.empty();
            }
            View view = show.factory().create(show.request());
            html = view == null ? Optional.empty() : view.render(t);
        } catch (TemplateException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("Rendering " + request.path() + " failed", e);
        }
        if (html == null) {
            throw new IllegalStateException("The view of " + request.path() + " returned null from render: return"
                    + " Optional.empty() for no HTML.");
        }
        return html.map(FirstRender::body);
    }

    private HttpResponse refusalPage(int status, String message) {
        String html = "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + status
                + "</title></head><body>\n<p data-status=\"" + status + "\">" + escape(message) + "</p>\n"
                + "<p><a href=\"/thywill/init/" + escape(id) + "/\">" + escape(title) + "</a></p>\n"
                + "</body></html>\n";
        return new HttpResponse(status, "text/html;charset=utf-8", html.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static String rawQuery(Map<String, String> query) {
        StringBuilder raw = new StringBuilder();
        query.forEach((name, value) -> {
            if (raw.length() > 0) {
                raw.append('&');
            }
            raw.append(URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
        });
        return raw.toString();
    }

    @Override
    public final void stop() {
        documents.connected().forEach(DocumentSession::close);
        shutdown();
        try {
            onStop();
        } catch (RuntimeException | LinkageError e) {
            LOG.log(Level.ERROR, "Application '" + id + "': onStop failed", e);
        }
    }

    private void shutdown() {
        ExecutorService w = workers;
        if (w != null) {
            w.shutdown();
            try {
                if (!w.awaitTermination(2, TimeUnit.SECONDS)) {
                    w.shutdownNow();
                }
            } catch (InterruptedException e) {
                w.shutdownNow();
                Thread.currentThread().interrupt();
            }
        }
        if (clock != null) {
            clock.shutdownNow();
        }
    }

    @Override
    public final void onConnect(Connection connection) {
        document(connection);
    }

    @Override
    public final void onMessage(Connection from, Object data) {
        // A connection this instance never saw connect (its page outlived a redeployment) gets a document too.
        document(from).receive(Inbound.parse(data));
    }

    @Override
    public final void onDisconnect(Connection connection, DisconnectReason reason) {
        documents.disconnect(connection.id()).ifPresent(DocumentSession::close);
    }

    private DocumentSession document(Connection connection) {
        DocumentHost h = host;
        if (h == null) {
            throw new IllegalStateException("The application '" + id + "' has not started.");
        }
        return documents.connect(connection.id(), id -> new DocumentSession(h, connection));
    }

    private static ThreadFactory threads(String name) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, "remote-document-" + name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
