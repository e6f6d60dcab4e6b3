package org.thywill.delivery;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.thywill.api.client.SessionId;

/** The window of a session's message ids, kept as hashes: repeats within it are caught, and nothing else. */
class ClientMessageIdsTest {

    private final SessionId one = new SessionId("one");
    private final SessionId two = new SessionId("two");

    @Test
    void aRepeatWithinTheWindowIsCaughtPerSessionAndApplication() {
        ClientMessageIds ids = new ClientMessageIds();
        assertTrue(ids.firstTime(one, "chat", "p-1"));
        assertFalse(ids.firstTime(one, "chat", "p-1"));
        assertTrue(ids.firstTime(one, "echo", "p-1"), "another application's id is another id");
        assertTrue(ids.firstTime(two, "chat", "p-1"), "another session's id is another id");
        assertTrue(ids.firstTime(one, "chat", "p-10"));
        assertTrue(ids.firstTime(one, "cha", "tp-1"), "the application and the id do not run together");
    }

    @Test
    void theWindowHoldsTheLastIdsOnly() {
        ClientMessageIds ids = new ClientMessageIds();
        for (int i = 0; i < ClientMessageIds.WINDOW + 1; i++) {
            assertTrue(ids.firstTime(one, "chat", "page-" + i), "id " + i);
        }
        assertTrue(ids.firstTime(one, "chat", "page-0"), "the oldest left the window");
        assertFalse(ids.firstTime(one, "chat", "page-" + ClientMessageIds.WINDOW), "the newest is still in it");
        ids.forgetIdle(System.currentTimeMillis() + 1);
        assertTrue(ids.firstTime(one, "chat", "page-" + ClientMessageIds.WINDOW), "an idle window is forgotten");
    }
}
