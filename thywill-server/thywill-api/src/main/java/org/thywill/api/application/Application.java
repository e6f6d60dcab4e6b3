package org.thywill.api.application;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.thywill.api.client.Connection;
import org.thywill.api.client.DisconnectReason;
import org.thywill.api.http.HttpEndpoint;
import org.thywill.api.http.HttpResponse;

/**
 * A server-side application. Discovered with {@link java.util.ServiceLoader} (list the class in
 * {@code META-INF/services/org.thywill.api.application.Application} of the application's jar) and instantiated
 * once per server through its public no-argument constructor.
 *
 * <p>Threading: {@link #onMessage} for one connection is called in the order that connection sent; calls for
 * different connections may be concurrent, so an application guards its shared state. Handlers should return
 * quickly; exceptions they throw are logged and answered to the sender with an {@code application-error}.
 */
public interface Application {

    /**
     * Asked once, when the application is deployed.
     *
     * @return the application's id, its page's title and its browser side
     */
    ApplicationDescriptor descriptor();

    /**
     * What the application asks the server for beyond what every application gets (see {@link Capability}). Asked
     * once, when the application is deployed; one not granted keeps the application from running.
     *
     * @return the capabilities; none by default
     */
    default Set<Capability> capabilities() {
        return Set.of();
    }

    /**
     * Where and under which Content-Security-Policy the server serves the application's page. Asked once, when
     * the application is deployed.
     *
     * @return the options; {@link PageOptions#ORDINARY} by default
     */
    default PageOptions pageOptions() {
        return PageOptions.ORDINARY;
    }

    /**
     * The class-path folder of the application's Flyway migrations ({@code V1__create_items.sql}, ...), run by
     * the Database component before {@link #start}, with a schema history of the application's own. Write them
     * in the SQL that both MySQL and H2 (in MySQL mode) accept.
     *
     * @return the folder, such as {@code db/todo}, or null (the default) for an application without tables
     */
    default String migrations() {
        return null;
    }

    /**
     * Decides, before the page is served, whether a browser may have it: called for every request of
     * {@code /thywill/init/{id}/} and of every deeper path under it ({@code /thywill/init/{id}/items/42}), so an
     * application that routes by path answers an unknown or forbidden one with a real HTTP status. Runs on the
     * HTTP server's thread that serves the request, after {@link #start} and possibly concurrently with every
     * other callback; it may block briefly (a database look-up). An exception thrown here is logged and answered
     * with a 500 whose body does not include the exception's text.
     *
     * @param request the path, query and session of the request
     * @return empty (the default) to serve the page; a response, such as {@code HttpResponse.text(404, ...)} or a
     *         302 with a {@code Location} header, to answer with instead
     */
    default Optional<HttpResponse> beforePage(PageRequest request) {
        return Optional.empty();
    }

    /**
     * Renders the page's first HTML on the server (pycommunicate's {@code View.render()}), so that the page is readable
     * before its connection is up and with JavaScript off. Called for every page request {@link #beforePage} let
     * through, on the HTTP server's thread, after {@link #start} and possibly concurrently with every other
     * callback; it may block briefly (a database look-up). The HTML replaces {@link ClientSide#body()} in the page.
     *
     * @param request the path, query and session of the request
     * @return the body's HTML, or empty (the default) to use {@link ClientSide#body()}
     * @throws PageRenderException to answer with a 500 page showing its message (say which template and line
     *         failed); any other exception is logged and answered with a 500 page without its text
     */
    default Optional<String> renderBody(PageRequest request) {
        return Optional.empty();
    }

    /**
     * The HTTP endpoints the application serves under {@code /api/{id}/}, such as a REST API over its tables.
     * Asked once, when the application is deployed (before {@link #start}); a request for
     * {@code /api/{id}/...} goes to the endpoint with the longest matching {@link HttpEndpoint#pathPrefix()}, which
     * must start with {@code /api/{id}/} (an endpoint whose prefix does not is never reached). A path under
     * {@code /api/{id}/} that no endpoint serves, or of an application that does not run, is answered 404.
     * {@link HttpEndpoint#handle} runs on the HTTP server's thread, possibly concurrently with every other
     * callback; an exception thrown there is logged and answered with a 500 whose body does not include its text.
     *
     * @return the endpoints; none by default
     */
    default List<HttpEndpoint> endpoints() {
        return List.of();
    }

    /**
     * Called once before any connection reaches the application.
     *
     * @param context the way to send messages and reach the database; keep it
     * @throws Exception to refuse to start; the failure is reported by name and other applications run on
     */
    default void start(ApplicationContext context) throws Exception {
    }

    /** Called once when the server stops or the application is undeployed. */
    default void stop() {
    }

    /**
     * A connection opened this application's page and completed its handshake.
     *
     * @param connection the new connection
     */
    default void onConnect(Connection connection) {
    }

    /**
     * A client sent a message to this application.
     *
     * @param from the sender
     * @param data the message's {@code data}: a JSON value tree (Map, List, String, Long, Double, Boolean, null)
     */
    default void onMessage(Connection from, Object data) {
    }

    /**
     * A client sent a message to this application: the same as {@link #onMessage(Connection, Object)}, which it
     * calls by default, with the client's id of the message besides. Override this one to report what became of a
     * message the application forwards ({@link ApplicationContext#reportDelivery}). The server calls only this
     * one; an application overrides one of the two.
     *
     * @param message the sender, the data and the client's id of the message
     */
    default void onMessage(ClientMessage message) {
        onMessage(message.from(), message.data());
    }

    /**
     * Decides whether a connection's message may reach {@link #onMessage(ClientMessage)}: the place to check the
     * sender's user and claims ({@code message.from().user()}) against what the message asks, such as joining a
     * channel or writing to one, before anything runs. Called on the transport thread that read the message,
     * before {@code onMessage}. Refused, the sender gets the error {@code not-permitted} (naming the message's id,
     * so that the browser library rejects that send's {@code delivered}) and {@code onMessage} is not called.
     *
     * @param message the sender, the data and the client's id of the message
     * @return true (the default) to let the message through; false to refuse it with a general message
     * @throws NotPermittedException to refuse it saying why, for the person
     */
    default boolean permits(ClientMessage message) {
        return true;
    }

    /**
     * Decides whether a connection may call one of this application's {@link Callable} functions. Runs before
     * every call, on the transport thread that read it, before the name is even looked up, so a caller refused
     * cannot tell whether the function exists. Refused, the caller gets {@code not-permitted} and the function
     * does not run: with a general message, or with the message of a {@link NotPermittedException} thrown here
     * (or by the function itself); any other exception thrown here is logged and answered with {@code failed}.
     *
     * @param caller the calling connection (its session tells one browser from another)
     * @param function the name the caller asked for, which may name no function at all
     * @return true (the default) to let the call go ahead
     */
    default boolean permits(Connection caller, String function) {
        return true;
    }

    /**
     * A connection to this application ended.
     *
     * @param connection the connection
     * @param reason why
     */
    default void onDisconnect(Connection connection, DisconnectReason reason) {
    }
}
