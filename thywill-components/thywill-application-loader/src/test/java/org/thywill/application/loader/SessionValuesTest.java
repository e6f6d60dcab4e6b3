package org.thywill.application.loader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.thywill.api.ThywillException;
import org.thywill.api.session.SessionAttribute;

/** Session attributes' types: which are refused when the key is made, and how the rest go to JSON and back. */
class SessionValuesTest {

    /** A colour, stored by name. */
    enum Colour { RED, GREEN }

    /** A record of every kind of component a session attribute may hold. */
    record Cart(String owner, int items, double total, boolean paid, Colour colour, List<Line> lines,
                Map<String, Long> counts) {
    }

    /** A line of a cart. */
    record Line(String product, long quantity) {
    }

    /** A record with a component JSON cannot carry back. */
    record Stamped(String what, Instant when) {
    }

    private final SessionValues values = new SessionValues();

    @Test
    void scalarsEnumsAndRecordsGoToJsonAndBack() {
        Cart cart = new Cart("ada", 2, 9.5, false, Colour.GREEN, List.of(new Line("tea", 2)), Map.of("visits", 3L));
        SessionAttribute<Cart> key = SessionAttribute.of("cart", Cart.class);
        String json = values.write(key, cart);
        assertEquals(cart, values.read(key, json));
        assertEquals("{\"owner\":\"ada\",\"items\":2,\"total\":9.5,\"paid\":false,\"colour\":\"GREEN\","
                + "\"lines\":[{\"product\":\"tea\",\"quantity\":2}],\"counts\":{\"visits\":3}}", json);
        SessionAttribute<Long> count = SessionAttribute.of("count", Long.class);
        assertEquals("41", values.write(count, 41L));
        assertEquals(41L, values.read(count, "41"));
        assertEquals("é\"<", values.read(SessionAttribute.of("s", String.class),
                values.write(SessionAttribute.of("s", String.class), "é\"<")));
    }

    @Test
    void aStoredRecordReadsWhenItsTypeLostAComponent() {
        record Smaller(String owner) {
        }
        assertEquals(new Smaller("ada"), values.read(SessionAttribute.of("cart", Smaller.class),
                "{\"owner\":\"ada\",\"items\":2}"));
    }

    @Test
    void typesJsonCannotCarryBackAreRefusedNamingThem() {
        IllegalArgumentException plain = assertThrows(IllegalArgumentException.class,
                () -> SessionAttribute.of("when", Instant.class));
        assertTrue(plain.getMessage().startsWith("Session attribute 'when' cannot hold java.time.Instant: a session"
                + " attribute holds String, Integer, Long, Double, Boolean, an enum, or a record"), plain.getMessage());
        IllegalArgumentException inRecord = assertThrows(IllegalArgumentException.class,
                () -> SessionAttribute.of("stamped", Stamped.class));
        assertTrue(inRecord.getMessage().contains("cannot hold java.time.Instant ("
                + Stamped.class.getName() + ".when)"), inRecord.getMessage());
        assertThrows(IllegalArgumentException.class, () -> SessionAttribute.of("any", Object.class));
        assertThrows(IllegalArgumentException.class, () -> SessionAttribute.of("n", long.class));
        IllegalArgumentException name = assertThrows(IllegalArgumentException.class,
                () -> SessionAttribute.of("a b", String.class));
        assertTrue(name.getMessage().contains("not 'a b'"), name.getMessage());
    }

    @Test
    void aValueOfAnotherTypeOrJsonOfAnotherTypeIsRefused() {
        @SuppressWarnings({"unchecked", "rawtypes"})
        SessionAttribute<Object> count = (SessionAttribute) SessionAttribute.of("count", Long.class);
        IllegalArgumentException wrongValue = assertThrows(IllegalArgumentException.class,
                () -> values.write(count, "three"));
        assertEquals("Session attribute 'count' holds java.lang.Long, not java.lang.String.", wrongValue.getMessage());
        ThywillException wrongJson = assertThrows(ThywillException.class,
                () -> values.read(SessionAttribute.of("count", Long.class), "\"three\""));
        assertTrue(wrongJson.getMessage().startsWith("Session attribute 'count' holds JSON that is not a"
                + " java.lang.Long"), wrongJson.getMessage());
    }
}
