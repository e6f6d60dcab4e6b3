package org.thywill.remote.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The first view's HTML is sent over the connection only when the page does not hold it already. */
class FirstRenderTest {

    private static final String HTML = "<ul id=\"list\"><li>one</li></ul>";

    /** A view that renders {@link #HTML} and attaches to its list. */
    private static final View RENDERED = new View() {
        @Override
        public Optional<String> render(Templates templates) {
            return Optional.of(HTML);
        }

        @Override
        public void start(RemoteDocument document) {
            document.attach("#list").attribute("data-live", "yes");
        }
    };

    private static List<Object> operations(String rendered) {
        try (DocumentHarness harness = new DocumentHarness(routes -> routes.view("/", request -> RENDERED))) {
            Map<String, Object> start = rendered == null ? Map.of("path", "/", "query", "")
                    : Map.of("path", "/", "query", "", "rendered", rendered);
            harness.receive(Map.of("domStart", start));
            return harness.context.batches().stream().flatMap(b -> ((List<?>) b).stream()).map(o -> (Object) o)
                    .toList();
        }
    }

    private static boolean sendsHtml(List<Object> ops) {
        return ops.stream().anyMatch(op -> ((List<?>) op).get(0).equals("html"));
    }

    @Test
    void aPageHoldingTheSameHtmlGetsOnlyTheAttachment() {
        List<Object> ops = operations(FirstRender.digest(HTML));
        assertFalse(sendsHtml(ops), ops::toString);
        assertTrue(ops.contains(List.of("attach", 1L, "#list")), ops::toString);
    }

    @Test
    void aPageHoldingOtherHtmlOrNoneGetsTheHtmlOnceBeforeTheAttachment() {
        for (String onPage : new String[] {FirstRender.digest("<ul id=\"list\"></ul>"), null}) {
            List<Object> ops = operations(onPage);
            assertEquals(List.of("html", 0L, HTML), ops.get(1), ops::toString);
            assertEquals(List.of("attach", 1L, "#list"), ops.get(2), ops::toString);
            assertEquals(1, ops.stream().filter(op -> ((List<?>) op).get(0).equals("html")).count());
        }
    }

    @Test
    void theBodyIsTheContainerTheRuntimeUsesMarkedWithTheDigest() {
        assertEquals("<div data-remote-document-root data-rendered=\"" + FirstRender.digest(HTML) + "\">" + HTML
                + "</div>", FirstRender.body(HTML));
        assertTrue(FirstRender.digest(HTML).matches("[0-9a-f]{24}"));
    }

    @Test
    void aDigestThatIsNotHexadecimalIsDropped() {
        assertNull(Inbound.parse(Map.of("domStart", Map.of("path", "/", "rendered", "\"><script>"))).start()
                .rendered());
        assertEquals("abc123", Inbound.parse(Map.of("domStart", Map.of("path", "/", "rendered", "abc123"))).start()
                .rendered());
    }
}
