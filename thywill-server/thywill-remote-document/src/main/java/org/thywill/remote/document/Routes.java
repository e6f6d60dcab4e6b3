package org.thywill.remote.document;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.thywill.api.client.SessionId;

/**
 * The views of an application by route (pycommunicate's controllers): filled once in
 * {@link RemoteDocumentApplication#routes}, read-only afterwards. A route is the part of the page's address after
 * {@code /thywill/init/{appId}}: the browser switches between routes with {@code history.pushState}, without a
 * reload, and a route loaded from its address is checked over HTTP first, so a refusal has a real status.
 *
 * <pre>{@code
 * routes.view("/", request -> new ListView(store))
 *       .view("/items/{id:\\d+}", this::itemExists, request -> new ItemView(store, request.variable("id")))
 *       .refused((request, status, message) -> new OopsView(status, message));
 * }</pre>
 */
public final class Routes {

    private record Entry(RoutePattern pattern, BeforePage before, ViewFactory factory) {
    }

    /** What showing a route comes to. */
    sealed interface Decision {
        /** Show this view. */
        record Show(PageRequest request, ViewFactory factory) implements Decision {
        }

        /** Go to this route instead. */
        record Redirect(String path) implements Decision {
        }

        /** Show the refusal view. */
        record Refused(PageRequest request, int status, String message) implements Decision {
        }
    }

    private final List<Entry> entries = new ArrayList<>();
    private final List<BeforePage> everywhere = new ArrayList<>();
    private RefusalView refused = (request, status, message) -> new RefusedView(status, message);

    Routes() {
    }

    /**
     * @param pattern a path such as {@code /} or {@code /items/{id}}; {@code {name:regex}} restricts a variable
     * @param factory makes the view for each document that shows the route
     * @return this
     * @throws IllegalArgumentException for a malformed pattern
     */
    public Routes view(String pattern, ViewFactory factory) {
        return view(pattern, null, factory);
    }

    /**
     * @param pattern a path such as {@code /} or {@code /items/{id}}
     * @param before checked before the view is shown; it may redirect or refuse
     * @param factory makes the view for each document that shows the route
     * @return this
     */
    public Routes view(String pattern, BeforePage before, ViewFactory factory) {
        entries.add(new Entry(new RoutePattern(pattern), before, Objects.requireNonNull(factory, "factory")));
        return this;
    }

    /**
     * @param check run before every route's own check, for every route
     * @return this
     */
    public Routes before(BeforePage check) {
        everywhere.add(Objects.requireNonNull(check));
        return this;
    }

    /**
     * @param view makes the view shown for a refused or unknown route (a plain status and message by default)
     * @return this
     */
    public Routes refused(RefusalView view) {
        this.refused = Objects.requireNonNull(view);
        return this;
    }

    /**
     * @param path a route, such as {@code /items/42}
     * @return the {@code href} of a link to it, such as {@code ./items/42}: relative to the application's page,
     *         which the runtime sets as the document's base address; the runtime follows such links without a
     *         reload
     */
    public static String href(String path) {
        return "." + requirePath(path);
    }

    static String requirePath(String path) {
        if (path == null || !path.startsWith("/")) {
            throw new IllegalArgumentException("A route starts with '/', such as /items/42; not " + path + ".");
        }
        return path;
    }

    RefusalView refusalView() {
        return refused;
    }

    /**
     * Finds the route and runs its checks. May block as long as the checks do.
     *
     * @throws Exception what a check threw
     */
    Decision decide(String path, String query, SessionId session) throws Exception {
        for (Entry entry : entries) {
            Optional<Map<String, String>> variables = entry.pattern().match(path);
            if (variables.isEmpty()) {
                continue;
            }
            PageRequest request = new PageRequest(path, query, variables.get(), session);
            List<BeforePage> checks = new ArrayList<>(everywhere);
            if (entry.before() != null) {
                checks.add(entry.before());
            }
            for (BeforePage check : checks) {
                Admission admission = check.check(request);
                if (admission == null) {
                    throw new IllegalStateException("The check before " + entry.pattern() + " returned null: return"
                            + " Admission.admit(), redirect(...) or refuse(...).");
                }
                if (admission instanceof Admission.Redirect redirect) {
                    return new Decision.Redirect(redirect.path());
                }
                if (admission instanceof Admission.Refuse refuse) {
                    return new Decision.Refused(request, refuse.status(), refuse.message());
                }
            }
            return new Decision.Show(request, entry.factory());
        }
        return new Decision.Refused(new PageRequest(path, query, Map.of(), session), 404,
                "There is no page at " + path + ".");
    }
}
