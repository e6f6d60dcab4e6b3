package org.thywill.apps.hello;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.thywill.api.application.Application;
import org.thywill.api.application.ApplicationContext;
import org.thywill.api.application.ApplicationDescriptor;
import org.thywill.api.application.ClientSide;
import org.thywill.api.application.PageRequest;
import org.thywill.api.client.Connection;
import org.thywill.api.client.SessionId;
import org.thywill.api.delivery.Target;
import org.thywill.api.http.HttpResponse;
import org.thywill.api.session.SessionAttribute;
import org.thywill.api.session.SessionData;

/**
 * pycommunicate's {@code hello.py}: "the session says you have visited N times", the count kept in the session's
 * data. Each page load counts a visit ({@link #beforePage}), the page is rendered on the server with the counts
 * ({@link #renderBody}), and once connected it keeps them live: a click on +1 counts in the session too, and every
 * tab of the browser shows the new counts at once ({@link #onConnect}, {@link #onMessage}). The counts live in the
 * Database, so a reload, a server restart or another node of a cluster finds them, and they go when the session
 * expires.
 */
public final class HelloApplication implements Application {

    /** How many times this browser loaded the page. */
    static final SessionAttribute<Long> VISITS = SessionAttribute.of("visits", Long.class);

    /** How many times any tab of this browser clicked +1. */
    static final SessionAttribute<Long> CLICKS = SessionAttribute.of("clicks", Long.class);

    /** The one message a page sends. */
    static final String CLICK = "click";

    private volatile ApplicationContext context;

    @Override
    public ApplicationDescriptor descriptor() {
        return new ApplicationDescriptor("hello", "Hello",
                new ClientSide("thywill/hello", null, List.of("hello.js"), List.of("hello.css")));
    }

    @Override
    public void start(ApplicationContext context) {
        this.context = context;
    }

    /** Counts the visit, once per page load, before the page is rendered; a deeper path is not a page here. */
    @Override
    public Optional<HttpResponse> beforePage(PageRequest request) {
        if (!request.path().equals("/")) {
            return Optional.of(HttpResponse.text(404, "The hello application has one page, at its root."));
        }
        context.session(request.session()).increment(VISITS, 1);
        return Optional.empty();
    }

    @Override
    public Optional<String> renderBody(PageRequest request) {
        Map<String, Long> counts = counts(context.session(request.session()));
        long visits = counts.get("visits");
        return Optional.of("""
                <main class="hello">
                  <h1>Hello World!</h1>
                  <p>The session says you have visited <span id="visits">%d</span> <span id="times">%s</span>.</p>
                  <p>Clicks of every tab of this browser: <span id="clicks">%d</span>
                    <button id="click" type="button" disabled>+1</button></p>
                  <p class="status">Connection: <span id="state">connecting</span></p>
                </main>
                """.formatted(visits, visits == 1 ? "time" : "times", counts.get("clicks")));
    }

    /** A new tab counted a visit: every tab of the browser shows the counts, the new one included. */
    @Override
    public void onConnect(Connection connection) {
        showEverywhere(connection.session());
    }

    @Override
    public void onMessage(Connection from, Object data) {
        if (!CLICK.equals(data)) {
            throw new IllegalArgumentException("The hello page sends \"" + CLICK + "\" only, not " + data);
        }
        context.session(from.session()).increment(CLICKS, 1);
        showEverywhere(from.session());
    }

    private void showEverywhere(SessionId session) {
        context.send(Target.session(session), counts(context.session(session)));
    }

    private static Map<String, Long> counts(SessionData data) {
        return Map.of("visits", data.get(VISITS).orElse(0L), "clicks", data.get(CLICKS).orElse(0L));
    }
}
