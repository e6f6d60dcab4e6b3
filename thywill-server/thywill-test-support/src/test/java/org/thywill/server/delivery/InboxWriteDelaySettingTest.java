package org.thywill.server.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.thywill.api.ThywillException;
import org.thywill.client.cometd.CometdSettings;
import org.thywill.testing.ThywillTestServer;

/** The Client Interface's {@code inboxWriteDelay}: half a second unless set, from 0 to 10 s. */
class InboxWriteDelaySettingTest {

    private static CometdSettings withDelay(Duration delay) {
        return new CometdSettings(null, null, null, null, null, null, null, null, null, null, null, null, delay,
                null, null, null);
    }

    @Test
    void theDelayIsHalfASecondUnlessSetAndZeroIsAllowed() {
        assertEquals(Duration.ofMillis(500), withDelay(null).inboxWriteDelay());
        assertEquals(Duration.ZERO, withDelay(Duration.ZERO).inboxWriteDelay());
    }

    @Test
    void aDelayOutOfRangeStopsStartUpNamingTheSetting() {
        for (String bad : new String[] {"20s", "-1s", "soon"}) {
            ThywillException e = assertThrows(ThywillException.class, () -> ThywillTestServer
                    .withApplications("delivery").set("clientInterface", "inboxWriteDelay", bad).start().close());
            assertTrue(e.getMessage().startsWith("Setting 'clientInterface.inboxWriteDelay'"), e.getMessage());
        }
    }
}
