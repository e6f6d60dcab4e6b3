package org.thywill.application.loader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.thywill.api.SettingsException;

/** The {@code rpcTimeout} setting of both implementations: its default and its lower bound. */
class RpcTimeoutTest {

    @Test
    void bothImplementationsDefaultToThirtySeconds() {
        assertEquals(Duration.ofSeconds(30), new JarApplicationsSettings(null, null, null, null).rpcTimeout());
        assertEquals(Duration.ofSeconds(30), new ClasspathApplicationsSettings(null).rpcTimeout());
    }

    @Test
    void aDeadlineShorterThanATenthOfASecondIsRefusedNamingTheKey() {
        SettingsException e = assertThrows(SettingsException.class,
                () -> new ClasspathApplicationsSettings(null, Duration.ofMillis(99)));
        assertEquals("rpcTimeout", e.key());
        assertTrue(e.getMessage().contains("at least 100ms"), e.getMessage());
        assertEquals(Duration.ofMillis(100),
                new JarApplicationsSettings(null, null, null, null, Duration.ofMillis(100)).rpcTimeout());
    }
}
