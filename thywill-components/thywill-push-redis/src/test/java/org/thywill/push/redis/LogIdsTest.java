package org.thywill.push.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Log entry ids order by time, then sequence, as numbers rather than text; bus messages carry them. */
class LogIdsTest {

    @Test
    void idsOrderByTimeThenSequenceAsNumbers() {
        assertTrue(LogIds.compare("9-5", "10-0") < 0, "10 ms is after 9 ms, though '9' sorts after '1' as text");
        assertTrue(LogIds.compare("10-10", "10-9") > 0, "sequence 10 is after 9");
        assertEquals(0, LogIds.compare("1700000000000-3", "1700000000000-3"));
        assertTrue(LogIds.compare(LogIds.START, "1-0") < 0);
        assertEquals("10-0", LogIds.max("9-5", "10-0"));
        assertEquals(1700000000000L, LogIds.millis("1700000000000-3"));
    }

    @Test
    void aMalformedIdIsRefusedByName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LogIds.compare("x-1", "1-1"));
        assertTrue(e.getMessage().contains("'x-1'"), e.getMessage());
    }

    @Test
    void aDeliveryOnTheBusCarriesItsLogIdAndOtherMessagesNone() {
        BusMessage delivery = BusMessage.of("n1", BusMessage.Kind.SESSION, "session", "s", "app", "a",
                "envelope", Map.of("type", "message"));
        BusMessage read = BusMessage.decode("1700000000000-3 " + delivery.encode());
        assertEquals("1700000000000-3", read.id());
        assertEquals(BusMessage.Kind.SESSION, read.kind());
        assertEquals("s", read.text("session"));
        assertEquals(Map.of("type", "message"), read.envelope());

        BusMessage join = BusMessage.decode(BusMessage.of("n1", BusMessage.Kind.JOIN, "app", "a").encode());
        assertEquals(null, join.id());
        assertEquals(BusMessage.Kind.JOIN, join.kind());
        assertTrue(BusMessage.Kind.CHANNEL.logged() && !BusMessage.Kind.JOIN.logged());
    }

    @Test
    void aMessageOfAnUnknownKindIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> BusMessage.decode("{\"origin\":\"n1\",\"kind\":\"NOPE\",\"fields\":{}}"));
    }
}
