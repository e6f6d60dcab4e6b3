package org.thywill.server.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.thywill.api.ThywillException;
import org.thywill.push.cometd.CometdPushSettings;
import org.thywill.testing.ThywillTestServer;

/** The Push's {@code inboxWriteDelay}: half a second unless set, from 0 to 10 s. */
class InboxWriteDelaySettingTest {

    private static CometdPushSettings withDelay(Duration delay) {
        return new CometdPushSettings(null, null, null, null, delay);
    }

    @Test
    void theDelayIsHalfASecondUnlessSetAndZeroIsAllowed() {
        assertEquals(Duration.ofMillis(500), withDelay(null).inbox().writeDelay());
        assertEquals(Duration.ZERO, withDelay(Duration.ZERO).inbox().writeDelay());
    }

    @Test
    void aDelayOutOfRangeStopsStartUpNamingTheSetting() {
        for (String bad : new String[] {"20s", "-1s", "soon"}) {
            ThywillException e = assertThrows(ThywillException.class, () -> ThywillTestServer
                    .withApplications("delivery").set("push", "inboxWriteDelay", bad).start().close());
            assertTrue(e.getMessage().startsWith("Setting 'push.inboxWriteDelay'"), e.getMessage());
        }
    }
}
