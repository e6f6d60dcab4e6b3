package org.thywill.server.presence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.thywill.api.SettingsException;
import org.thywill.api.ThywillException;
import org.thywill.push.cometd.CometdPushSettings;
import org.thywill.testing.ThywillTestServer;

/** The Push's {@code presenceGrace}: five seconds unless set, never negative. */
class PresenceGraceSettingTest {

    @Test
    void theGraceIsFiveSecondsUnlessSet() {
        assertEquals(Duration.ofSeconds(5), new CometdPushSettings(null).presenceGrace());
        assertEquals(Duration.ofMillis(1500), new CometdPushSettings(Duration.ofMillis(1500)).presenceGrace());
    }

    @Test
    void aNegativeGraceIsRefused() {
        SettingsException e = assertThrows(SettingsException.class,
                () -> new CometdPushSettings(Duration.ofSeconds(-1)));
        assertEquals("presenceGrace", e.key());
        assertTrue(e.getMessage().contains("must be at least 0s"), e.getMessage());
    }

    @Test
    void aBadGraceStopsStartUpNamingTheSetting() {
        ThywillException e = assertThrows(ThywillException.class, () -> ThywillTestServer
                .withApplications(PresenceProbeApplication.ID).set("push", "presenceGrace", "soon").start().close());
        assertTrue(e.getMessage().startsWith("Setting 'push.presenceGrace'"), e.getMessage());
    }
}
