package org.thywill.database.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.thywill.api.SettingsException;

class H2SettingsTest {

    @Test
    void absentKeysTakeTheirDefaults() {
        H2Settings settings = new H2Settings(null, null);
        assertEquals("data/thywill", settings.file());
        assertEquals(10, settings.poolSize());
        assertFalse(settings.inMemory());
    }

    @Test
    void memAsksForMemory() {
        assertTrue(new H2Settings("mem", 1).inMemory());
    }

    @Test
    void poolSizeZeroIsRefused() {
        SettingsException e = assertThrows(SettingsException.class, () -> new H2Settings(null, 0));
        assertEquals("poolSize", e.key());
        assertEquals("'poolSize' must be at least 1, not 0", e.getMessage());
    }

    @Test
    void emptyFileIsRefused() {
        SettingsException e = assertThrows(SettingsException.class, () -> new H2Settings(" ", null));
        assertEquals("file", e.key());
        assertEquals("'file' must not be empty: leave it out for data/thywill, or write mem for memory",
                e.getMessage());
    }

    @Test
    void fileWithUrlOptionsIsRefused() {
        SettingsException e = assertThrows(SettingsException.class,
                () -> new H2Settings("data/x;AUTO_SERVER=TRUE", null));
        assertEquals("file", e.key());
        assertEquals("'file' must not contain ';' (H2 would read what follows as URL options): data/x;AUTO_SERVER=TRUE",
                e.getMessage());
    }

    @Test
    void sessionLifetimeDefaultsToThirtyDaysAndIsRangeChecked() {
        assertEquals(java.time.Duration.ofDays(30), new H2Settings(null, null).sessionLifetime());
        assertEquals(java.time.Duration.ofSeconds(1),
                new H2Settings(null, null, java.time.Duration.ofSeconds(1)).sessionLifetime());
        SettingsException e = assertThrows(SettingsException.class,
                () -> new H2Settings(null, null, java.time.Duration.ofMillis(999)));
        assertEquals("sessionLifetime", e.key());
        assertEquals("'sessionLifetime' must be from 1s to 3650d, not 999ms", e.getMessage());
        assertThrows(SettingsException.class,
                () -> new MySqlSettings("jdbc:mysql://db/x", null, null, null, null, null,
                        java.time.Duration.ofDays(3651)));
    }

    @Test
    void sessionDataCapsTakeTheirDefaultsAndRefuseWhatIsOutOfRange() {
        H2Settings settings = new H2Settings(null, null);
        assertEquals(new SessionDataLimits(65536, 100), settings.sessionDataLimits());
        assertEquals(new SessionDataLimits(10, 2), new H2Settings(null, null, null, 10, 2).sessionDataLimits());
        SettingsException bytes = assertThrows(SettingsException.class,
                () -> new H2Settings(null, null, null, 0, null));
        assertEquals("'sessionDataMaxBytes' must be from 1 to 16777216, not 0", bytes.getMessage());
        SettingsException count = assertThrows(SettingsException.class,
                () -> new H2Settings(null, null, null, null, 10_001));
        assertEquals("sessionDataMaxAttributes", count.key());
    }
}
