package org.thywill.api.http;

/**
 * An HTTP resource a component or application serves through the Client Interface. The Client Interface sends it
 * every request whose path starts with {@link #pathPrefix()}.
 *
 * <p>{@link #handle} runs on a server thread, possibly concurrently; it must not block for long.
 */
public interface HttpEndpoint {

    /** @return the path prefix served, starting and ending with a slash, for example {@code /thywill/log/} */
    String pathPrefix();

    /**
     * @param request the request, body read whole (bounded by the Client Interface)
     * @return the response
     */
    HttpResponse handle(HttpRequest request);

    /**
     * Whether browsers may reach this endpoint only from the server's own pages, as they may open a Comet connection:
     * the Client Interface then refuses a request whose {@code Origin} header names another origin (and not one of
     * the origins its settings allow) with 403, before {@link #handle}. A request without {@code Origin} (a program,
     * not a browser) passes.
     *
     * @return true to refuse other sites' pages; false (the default) to serve every origin
     */
    default boolean ownOriginOnly() {
        return false;
    }
}
