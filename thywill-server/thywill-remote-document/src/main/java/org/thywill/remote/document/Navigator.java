package org.thywill.remote.document;

import java.util.Map;
import java.util.Optional;

/**
 * Which view a document shows and how it changes: resolves a route through its checks (following redirects, at most
 * a few), and swaps the old view for the new one, telling the browser to empty the view's container.
 * Used on the document's sequence only.
 */
final class Navigator {

    private static final int MAX_REDIRECTS = 8;
    private final DocumentSession document;
    private final Routes routes;
    private final Templates templates;
    private volatile View view;
    private volatile PageRequest request;
    /** The digest of the view HTML the server rendered into the page, until the first view is shown. */
    private String onPage;

    Navigator(DocumentSession document, Routes routes, Templates templates) {
        this.document = document;
        this.routes = routes;
        this.templates = templates;
    }

    View view() {
        return view;
    }

    PageRequest request() {
        return request;
    }

    String describe() {
        PageRequest shown = request;
        return shown == null ? "no view yet" : shown.path();
    }

    /** Changes the page's address to the route, then shows it. */
    void navigate(String target) {
        if (!document.isOpen()) {
            return;
        }
        document.emit(Ops.navigate(target, false));
        int cut = target.indexOf('?');
        route(cut < 0 ? target : target.substring(0, cut), cut < 0 ? "" : target.substring(cut + 1));
    }

    /**
     * Shows the page's first route.
     *
     * @param rendered the digest of the view HTML rendered into the page, or null
     */
    void first(String path, String query, String rendered) {
        onPage = rendered;
        route(path, query);
    }

    /** Shows the route the page's address names now. */
    void route(String path, String query) {
        route(path, query, 0);
    }

    private void route(String path, String query, int redirects) {
        Routes.Decision decision;
        try {
            decision = routes.decide(path, query, document.connection().session());
        } catch (Exception | LinkageError e) {
            document.failed("the checks before " + path, e);
            refuse(new PageRequest(path, query, Map.of(), document.connection().session()), 500,
                    "This page could not be shown.");
            return;
        }
        if (decision instanceof Routes.Decision.Redirect redirect) {
            if (redirects >= MAX_REDIRECTS) {
                refuse(new PageRequest(path, query, Map.of(), document.connection().session()), 508,
                        "This page redirects in a loop.");
                return;
            }
            document.emit(Ops.navigate(redirect.path(), true));
            String target = redirect.path();
            int cut = target.indexOf('?');
            route(cut < 0 ? target : target.substring(0, cut), cut < 0 ? "" : target.substring(cut + 1),
                    redirects + 1);
        } else if (decision instanceof Routes.Decision.Refused refused) {
            refuse(refused.request(), refused.status(), refused.message());
        } else if (decision instanceof Routes.Decision.Show show) {
            View next;
            try {
                next = show.factory().create(show.request());
                if (next == null) {
                    throw new IllegalStateException("The view factory of " + path + " returned null.");
                }
            } catch (RuntimeException | LinkageError e) {
                document.failed("creating the view of " + path, e);
                refuse(show.request(), 500, "This page could not be shown.");
                return;
            }
            switchTo(show.request(), next);
        }
    }

    private void refuse(PageRequest refused, int status, String message) {
        View next;
        try {
            next = routes.refusalView().create(refused, status, message);
        } catch (RuntimeException | LinkageError e) {
            document.failed("creating the refusal view", e);
            next = null;
        }
        switchTo(refused, next == null ? new RefusedView(status, message) : next);
    }

    /** Shows another view for the same route. */
    void show(View next) {
        if (document.isOpen()) {
            switchTo(request, next);
        }
    }

    private void switchTo(PageRequest shown, View next) {
        Optional<String> html;
        try {
            html = next.render(templates);
            if (html == null) {
                throw new IllegalStateException("render returned null: return Optional.empty() for no HTML.");
            }
        } catch (Exception | LinkageError e) {
            document.failed("rendering the view of " + shown.path(), e);
            switchTo(shown, new RefusedView(500, e instanceof TemplateException t ? t.getMessage()
                    : "This page could not be rendered."));
            return;
        }
        View old = view;
        if (old != null) {
            document.safely("stopping the view of " + describe(), () -> old.stop(ViewEnd.REPLACED));
            document.newGeneration();
            document.emit(Ops.reset());
        }
        placeRendered(html);
        request = shown;
        view = next;
        document.safely("starting the view of " + describe(), () -> next.start(document));
    }

    /** Puts the view's HTML in its container, unless the page holds that HTML already (rendered with the page). */
    private void placeRendered(Optional<String> html) {
        String rendered = onPage;
        onPage = null;
        if (html.isPresent() && !FirstRender.digest(html.get()).equals(rendered)) {
            document.emit(Ops.html(Ops.ROOT, html.get()));
        } else if (html.isEmpty() && rendered != null) {
            document.emit(Ops.clear(Ops.ROOT));
        }
    }

    /** The document closed: its view stops. */
    void closed() {
        View old = view;
        view = null;
        if (old != null) {
            document.safely("stopping the view of " + describe(), () -> old.stop(ViewEnd.DOCUMENT_CLOSED));
        }
    }
}
