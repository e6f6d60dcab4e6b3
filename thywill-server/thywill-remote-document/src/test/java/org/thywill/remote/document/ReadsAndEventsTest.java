package org.thywill.remote.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Reads answered, timed out and cut off by closing; events reaching their handlers with their fields. */
class ReadsAndEventsTest {

    private static Throwable failure(CompletionStage<?> stage) throws Exception {
        ExecutionException e = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
                () -> stage.toCompletableFuture().get(5, TimeUnit.SECONDS));
        return e.getCause();
    }

    @Test
    void aReadCompletesWithTheBrowsersAnswer() throws Exception {
        AtomicReference<CompletionStage<String>> read = new AtomicReference<>();
        try (DocumentHarness h = new DocumentHarness(routes -> routes.view("/", request -> document ->
                read.set(document.select("#next").readValue())))) {
            h.start("/");
            assertEquals(List.of("read", 1, Map.of("q", "#next"), "prop", "value").toString(),
                    ((List<?>) h.context.batches().get(0)).get(1).toString());
            assertTrue(!read.get().toCompletableFuture().isDone(), "it waits for the browser");
            h.receive(Map.of("domReply", List.of(Map.of("id", 1L, "value", "milk"))));
            assertEquals("milk", read.get().toCompletableFuture().get(1, TimeUnit.SECONDS));
        }
    }

    @Test
    void aReadFailsClearlyWhenTheBrowserCannotAnswer() throws Exception {
        AtomicReference<CompletionStage<String>> read = new AtomicReference<>();
        try (DocumentHarness h = new DocumentHarness(routes -> routes.view("/", request -> document ->
                read.set(document.select("#missing").readText())))) {
            h.start("/");
            h.receive(Map.of("domReply", List.of(Map.of("id", 1L, "error", "no element matches the selector"
                    + " #missing"))));
            Throwable cause = failure(read.get());
            assertInstanceOf(BrowserException.class, cause);
            assertEquals("The browser could not read the text of an element: no element matches the selector"
                    + " #missing", cause.getMessage());
        }
    }

    @Test
    void aReadThatIsNotAnsweredTimesOut() throws Exception {
        AtomicReference<CompletionStage<Object>> read = new AtomicReference<>();
        try (DocumentHarness h = new DocumentHarness(routes -> routes.view("/", request -> document ->
                read.set(document.root().readProperty("scrollTop"))), DocumentHarness.timeout(Duration.ofMillis(50)))) {
            h.start("/");
            Throwable cause = failure(read.get());
            assertInstanceOf(ReadTimeoutException.class, cause);
            assertTrue(cause.getMessage().startsWith("The browser did not answer the read of the property"
                    + " 'scrollTop' within 50 ms"), cause.getMessage());
        }
    }

    @Test
    void aReadFailsWhenThePageCloses() throws Exception {
        AtomicReference<CompletionStage<Object>> read = new AtomicReference<>();
        try (DocumentHarness h = new DocumentHarness(routes -> routes.view("/", request -> document ->
                read.set(document.root().readProperty("scrollTop"))))) {
            h.start("/");
            h.document.close();
            assertInstanceOf(DocumentClosedException.class, failure(read.get()));
            assertInstanceOf(DocumentClosedException.class, failure(h.document.root().readText()));
            assertEquals(0, h.documents.count());
        }
    }

    @Test
    void anEventReachesItsHandlerWithItsFields() throws Exception {
        CompletableFuture<DomEvent> seen = new CompletableFuture<>();
        try (DocumentHarness h = new DocumentHarness(routes -> routes.view("/", request -> document ->
                document.root().appendNew("input").on("keydown", EventOptions.DEFAULT.onlyKeys("Enter"),
                        seen::complete)))) {
            h.start("/");
            h.receive(Map.of("domEvent", List.of(Map.of("listener", 1L, "type", "keydown", "value", "milk",
                    "key", "Enter", "modifiers", List.of("shift"), "targetId", "next", "data", Map.of("id", "4")))));
            DomEvent event = seen.get(1, TimeUnit.SECONDS);
            assertEquals(new DomEvent("keydown", "milk", null, "Enter", List.of("shift"), null, null, "next",
                    Map.of("id", "4"), Map.of()), event);
        }
    }

    @Test
    void eventsOfAReplacedViewAreDropped() {
        AtomicReference<String> clicked = new AtomicReference<>();
        try (DocumentHarness h = new DocumentHarness(routes -> routes
                .view("/", request -> document -> document.root().appendNew("button").on("click",
                        e -> clicked.set("old")))
                .view("/other", request -> document -> { }))) {
            h.start("/");
            h.receive(Map.of("domRoute", Map.of("path", "/other", "query", "")));
            h.receive(Map.of("domEvent", List.of(Map.of("listener", 1L, "type", "click"))));
            assertEquals(null, clicked.get());
            assertEquals("[[\"reset\"]]", h.context.sent.get(h.context.sent.size() - 1)
                    .replace("{\"dom\":", "").replaceAll("}$", ""));
        }
    }
}
