package org.thywill.remote.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the runtime sends is read defensively; anything else is the application's own message. */
class InboundTest {

    @Test
    void malformedPartsAreDropped() {
        Inbound in = Inbound.parse(Map.of("domReply", List.of("x", Map.of("id", "1"), Map.of("id", 2L, "value", 3L)),
                "domEvent", List.of(Map.of("type", "click"), Map.of("listener", 5L, "type", "click", "x", 1.5,
                        "modifiers", List.of(1L, "alt"))),
                "domStart", Map.of("query", "x")));
        assertEquals(List.of(new Inbound.Reply(2, 3L, null)), in.replies());
        assertEquals(1, in.events().size());
        assertEquals(List.of("alt"), in.events().get(0).event().modifiers());
        assertEquals(1.5, in.events().get(0).event().x());
        assertNull(in.start());
        assertNull(in.other());
    }

    @Test
    void otherMessagesAreKeptWhole() {
        assertEquals("hello", Inbound.parse("hello").other());
        Map<String, Object> mixed = Map.of("domEvent", List.of(), "text", "hi");
        assertEquals(mixed, Inbound.parse(mixed).other());
    }
}
