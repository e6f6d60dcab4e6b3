package org.thywill.resources;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.thywill.api.ThywillException;

/** A record the library cannot store is refused when it is declared, by a message naming the component. */
class RecordDeclarationTest {

    record Tagged(long id, UUID tag) {
    }

    record NullablePrimitive(long id, @Nullable int count) {
    }

    record BadDefault(long id, @Default("maybe") boolean flag) {
    }

    record LateDefault(long id, @Default("yesterday") Instant at) {
    }

    record Keyless(String name) {
    }

    record BadReference(long id, @References(Keyless.class) long owner) {
    }

    record TooLong(long id, @MaxLength(3) @Default("four") String code) {
    }

    record Named(@Key(generated = false) String code, String displayName) {
    }

    @Test
    void aComponentTheLibraryCannotStoreIsNamedWithWhatToDo() {
        refused(Tagged.class, "Tagged.tag is a UUID", "use long, int, short, boolean, double");
        refused(NullablePrimitive.class, "NullablePrimitive.count is @Nullable but a int cannot be null; use Integer");
        refused(BadDefault.class, "BadDefault.flag: @Default(\"maybe\") must be true or false");
        refused(LateDefault.class, "LateDefault.at: @Default(\"yesterday\") must be \"now\"");
        refused(Keyless.class, "Keyless has no key: add a component 'long id'");
        refused(BadReference.class, "BadReference.owner has @References but its name does not end in Id");
        refused(TooLong.class, "TooLong.code: @Default(\"four\") must be at most 3 characters");
    }

    @Test
    void aRecordSaysItsTable() {
        RecordTable named = RecordTable.of(Named.class);
        assertEquals("code", named.key().name());
        assertEquals(false, named.key().generated(), "a text key is given, not generated");
        assertEquals("display_name", named.columns().get(1).name());
        assertEquals("shop_app_named", named.tableName("shop-app"));
        assertEquals("display_name", named.label().name());
    }

    private static void refused(Class<? extends Record> type, String... expected) {
        ThywillException e = assertThrows(ThywillException.class, () -> RecordTable.of(type));
        for (String text : expected) {
            assertTrue(e.getMessage().contains(text), "'" + text + "' in: " + e.getMessage());
        }
    }
}
