package org.thywill.remote.document;

/**
 * A check before a route's view is shown (pycommunicate's {@code before_connect}): it may let the page through,
 * send it to another route, or refuse it with an HTTP status. It runs twice for a page loaded from its address:
 * over HTTP before the page is served, on the server's request thread (a refusal is answered with its status and
 * a redirect with a 302), and again when the document starts, on the document's sequence; once for a route the
 * page switches to without a reload (a refusal is then shown as an error view). It may block briefly (a database
 * look-up) and must give the same answer for the same request both times.
 */
@FunctionalInterface
public interface BeforePage {

    /**
     * @param request the route asked for
     * @return what to do
     * @throws Exception treated as a refusal with status 500
     */
    Admission check(PageRequest request) throws Exception;
}
