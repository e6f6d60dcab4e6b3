package org.thywill.application.loader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.thywill.api.SettingsException;

class JarApplicationsSettingsTest {

    @Test
    void watchingEveryTwoSecondsIsTheDefault() {
        JarApplicationsSettings settings = new JarApplicationsSettings(null, null, null, null);
        assertEquals("apps", settings.folder());
        assertTrue(settings.watch());
        assertEquals(Duration.ofSeconds(2), settings.scanInterval());
    }

    @Test
    void aScanIntervalUnder250msIsRefusedNamingTheKey() {
        SettingsException e = assertThrows(SettingsException.class,
                () -> new JarApplicationsSettings(null, null, true, Duration.ofMillis(249)));
        assertEquals("scanInterval", e.key());
        assertEquals(Duration.ofMillis(250),
                new JarApplicationsSettings(null, null, true, Duration.ofMillis(250)).scanInterval());
    }
}
