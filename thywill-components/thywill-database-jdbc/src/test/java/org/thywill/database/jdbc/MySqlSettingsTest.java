package org.thywill.database.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.thywill.api.SettingsException;

class MySqlSettingsTest {

    private static final String URL = "jdbc:mysql://db:3306/thywill";

    @Test
    void absentKeysTakeTheirDefaults() {
        MySqlSettings settings = new MySqlSettings(URL, null, null, null, null, null);
        assertEquals(URL, settings.url());
        assertEquals("thywill", settings.user());
        assertEquals("", settings.password());
        assertEquals(10, settings.poolSize());
        assertEquals(Duration.ofSeconds(10), settings.connectTimeout());
        assertEquals(Duration.ofSeconds(60), settings.startupTimeout());
    }

    @Test
    void missingUrlIsRefusedWithAnExample() {
        SettingsException e = assertThrows(SettingsException.class,
                () -> new MySqlSettings(null, null, null, null, null, null));
        assertEquals("url", e.key());
        assertEquals("'url' is required: the JDBC URL of the MySQL server, for example jdbc:mysql://db:3306/thywill",
                e.getMessage());
    }

    @Test
    void blankUrlIsRefusedAsMissing() {
        SettingsException e = assertThrows(SettingsException.class,
                () -> new MySqlSettings("  ", null, null, null, null, null));
        assertEquals("url", e.key());
        assertTrue(e.getMessage().startsWith("'url' is required"), e.getMessage());
    }

    @Test
    void urlOfAnotherDatabaseIsRefused() {
        SettingsException e = assertThrows(SettingsException.class,
                () -> new MySqlSettings("jdbc:postgresql://db/thywill?password=secret", null, null, null, null,
                        null));
        assertEquals("url", e.key());
        assertEquals("'url' must start with jdbc:mysql: or jdbc:mariadb:, not jdbc:postgresql://db/thywill?password=***",
                e.getMessage());
    }

    @Test
    void mariadbUrlIsAccepted() {
        assertEquals("jdbc:mariadb://db/thywill",
                new MySqlSettings("jdbc:mariadb://db/thywill", null, null, null, null, null).url());
    }

    @Test
    void poolSizeZeroIsRefused() {
        SettingsException e = assertThrows(SettingsException.class,
                () -> new MySqlSettings(URL, null, null, 0, null, null));
        assertEquals("poolSize", e.key());
        assertEquals("'poolSize' must be at least 1, not 0", e.getMessage());
    }

    @Test
    void connectTimeoutBelowWhatHikariAcceptsIsRefused() {
        SettingsException e = assertThrows(SettingsException.class,
                () -> new MySqlSettings(URL, null, null, null, Duration.ofMillis(100), null));
        assertEquals("connectTimeout", e.key());
        assertEquals("'connectTimeout' must be at least 250ms, not 100ms", e.getMessage());
    }

    @Test
    void zeroStartupTimeoutIsAcceptedAndNegativeRefused() {
        assertEquals(Duration.ZERO, new MySqlSettings(URL, null, null, null, null, Duration.ZERO).startupTimeout());
        SettingsException e = assertThrows(SettingsException.class,
                () -> new MySqlSettings(URL, null, null, null, null, Duration.ofSeconds(-1)));
        assertEquals("startupTimeout", e.key());
        assertEquals("'startupTimeout' must be at least 0s, not -1000ms", e.getMessage());
    }

    @Test
    void toStringHidesThePassword() {
        String shown = new MySqlSettings(URL, "app", "hunter2", null, null, null).toString();
        assertFalse(shown.contains("hunter2"), shown);
        assertTrue(shown.contains("password=***"), shown);
    }
}
