package org.thywill.remote.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.thywill.testing.TestJson;

/** Route patterns, checks before a page, redirects and refusals. */
class RoutesTest {

    @Test
    void patternsCaptureWholeSegments() {
        RoutePattern items = new RoutePattern("/lists/{list}/items/{id:\\d+}");
        assertEquals(Optional.of(Map.of("list", "week end", "id", "42")), items.match("/lists/week%20end/items/42"));
        assertEquals(Optional.empty(), items.match("/lists/a/items/x"));
        assertEquals(Optional.empty(), items.match("/lists/a/items"));
        assertEquals(Optional.of(Map.of()), new RoutePattern("/").match("/"));
        assertEquals(Optional.of(Map.of("a", "1+1")), new RoutePattern("/{a}").match("/1+1"));
        assertThrows(IllegalArgumentException.class, () -> new RoutePattern("items"));
        assertThrows(IllegalArgumentException.class, () -> new RoutePattern("/x{a}"));
        assertThrows(IllegalArgumentException.class, () -> new RoutePattern("/{a}/{a}"));
        assertThrows(IllegalArgumentException.class, () -> new RoutePattern("/{a:[}"));
    }

    @Test
    void queryParametersAreDecoded() {
        PageRequest request = new PageRequest("/", "q=milk%20%26%20eggs&q=2&empty", Map.of(), null);
        assertEquals(Optional.of("milk & eggs"), request.parameter("q"));
        assertEquals(Optional.of(""), request.parameter("empty"));
        assertThrows(IllegalArgumentException.class, () -> request.variable("id"));
    }

    @Test
    void aCheckCanAdmitRedirectOrRefuse() {
        List<String> shown = new ArrayList<>();
        try (DocumentHarness h = new DocumentHarness(routes -> routes
                .view("/", request -> document -> shown.add("home"))
                .view("/items/{id}", request -> switch (request.variable("id")) {
                    case "0" -> Admission.redirect("/");
                    case "13" -> Admission.refuse(403, "Item 13 is private.");
                    default -> Admission.admit();
                }, request -> document -> shown.add("item " + request.variable("id"))))) {
            h.start("/items/0");
            assertEquals(List.of("home"), shown);
            assertTrue(h.context.sent.get(0).contains("[\"navigate\",\"/\",true]"), h.context.sent.get(0));
            assertEquals("/", h.document.request().path());

            h.receive(Map.of("domRoute", Map.of("path", "/items/13", "query", "")));
            String refusal = h.context.sent.get(1);
            assertTrue(refusal.contains("[\"text\",") && refusal.contains("\"Item 13 is private.\"")
                    && refusal.contains("[\"attr\",") && refusal.contains("\"data-status\",\"403\""), refusal);

            h.receive(Map.of("domRoute", Map.of("path", "/items/7", "query", "")));
            assertEquals(List.of("home", "item 7"), shown);

            h.receive(Map.of("domRoute", Map.of("path", "/nowhere", "query", "")));
            assertTrue(h.context.sent.get(3).contains("\"data-status\",\"404\""), h.context.sent.get(3));
        }
    }

    @Test
    void aCheckThatThrowsRefusesWith500AndALoopEndsWith508() {
        try (DocumentHarness h = new DocumentHarness(routes -> routes
                .view("/broken", request -> {
                    throw new IllegalStateException("database down");
                }, request -> document -> { })
                .view("/loop", request -> Admission.redirect("/loop"), request -> document -> { }))) {
            h.start("/broken");
            assertTrue(h.context.sent.get(0).contains("\"data-status\",\"500\""), h.context.sent.get(0));
            assertTrue(!h.context.sent.get(0).contains("database down"), "the exception's text stays on the server");
            h.receive(Map.of("domRoute", Map.of("path", "/loop", "query", "")));
            assertTrue(h.context.sent.get(1).contains("\"data-status\",\"508\""), h.context.sent.get(1));
        }
    }

    @Test
    void navigatingChangesTheAddressThenSwapsTheView() {
        List<String> log = new ArrayList<>();
        try (DocumentHarness h = new DocumentHarness(routes -> routes
                .view("/", request -> new View() {
                    @Override
                    public void start(RemoteDocument document) {
                        log.add("start home");
                        document.navigate("/b?x=1");
                        document.root().appendNew("p").text("still home");
                    }

                    @Override
                    public void stop(ViewEnd why) {
                        log.add("stop home " + why);
                    }
                })
                .view("/b", request -> document -> log.add("start b " + request.parameter("x").orElse(""))))) {
            h.start("/");
            assertEquals(List.of("start home", "stop home REPLACED", "start b 1"), log);
            assertEquals(2, h.context.sent.size(), "the home view's batch, then the switch in a batch of its own");
            assertEquals(TestJson.parse("[[\"navigate\",\"/b?x=1\",false],[\"reset\"]]"), h.context.batches().get(1));
        }
    }
}
