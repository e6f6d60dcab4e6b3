package org.thywill.database.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.thywill.api.SettingsException;

class PostgreSqlSettingsTest {

    private static final String URL = "jdbc:postgresql://db:5432/thywill";

    @Test
    void absentKeysTakeTheirDefaults() {
        PostgreSqlSettings settings = new PostgreSqlSettings(URL, null, null, null, null, null, null);
        assertEquals("thywill", settings.user());
        assertEquals("", settings.password());
        assertEquals(10, settings.poolSize());
        assertEquals(Duration.ofSeconds(10), settings.connectTimeout());
        assertEquals(Duration.ofSeconds(60), settings.startupTimeout());
        assertEquals(SessionLifetime.DEFAULT, settings.sessionLifetime());
    }

    @Test
    void missingUrlIsRefusedWithAnExample() {
        SettingsException e = assertThrows(SettingsException.class,
                () -> new PostgreSqlSettings(null, null, null, null, null, null, null));
        assertEquals("'url' is required: the JDBC URL of the PostgreSQL server, for example"
                + " jdbc:postgresql://db:5432/thywill", e.getMessage());
    }

    @Test
    void urlOfAnotherDatabaseIsRefusedWithoutItsPassword() {
        SettingsException e = assertThrows(SettingsException.class,
                () -> new PostgreSqlSettings("jdbc:mysql://db/thywill?password=secret", null, null, null, null, null,
                        null));
        assertEquals("'url' must start with jdbc:postgresql:, not jdbc:mysql://db/thywill?password=***",
                e.getMessage());
    }

    @Test
    void tooShortConnectTimeoutIsRefused() {
        SettingsException e = assertThrows(SettingsException.class,
                () -> new PostgreSqlSettings(URL, null, null, null, Duration.ofMillis(100), null, null));
        assertEquals("connectTimeout", e.key());
    }

    @Test
    void zeroPoolIsRefused() {
        assertEquals("poolSize", assertThrows(SettingsException.class,
                () -> new PostgreSqlSettings(URL, null, null, 0, null, null, null)).key());
    }

    @Test
    void passwordNeverShowsInText() {
        assertFalse(new PostgreSqlSettings(URL, "u", "secret", null, null, null, null).toString().contains("secret"));
    }

    @Test
    void targetSpeaksPostgreSqlWithTheTimeoutInWholeSeconds() {
        JdbcTarget target = new PostgreSqlDatabaseProvider().target(
                new PostgreSqlSettings(URL, null, null, null, Duration.ofMillis(1500), null, null), null);
        assertEquals(SqlDialect.POSTGRESQL, target.dialect());
        assertEquals("2", target.driverProperties().get("connectTimeout"));
    }
}
