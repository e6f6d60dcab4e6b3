package org.thywill.server.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.thywill.testing.TestClient;
import org.thywill.testing.TestClient.Transport;
import org.thywill.testing.ThywillTestServer;

/**
 * Presence by user on one server, over real sockets: a person joins when their first device connects and leaves
 * once, when their last device has been gone for the grace period; a second device, or one going while another
 * stays, changes nothing.
 */
class UserPresenceTest {

    private static final Duration QUIET = Duration.ofMillis(1500);

    @AutoClose
    private static final ThywillTestServer SERVER = Tokens.jwtServer().set("push", "presenceGrace", "500ms").start();

    private static TestClient device(String user) {
        return TestClient.connectAs(SERVER, WhoAmIApplication.ID, Transport.WEBSOCKET,
                Tokens.hmac(user, Duration.ofMinutes(5)));
    }

    @Test
    void aUserJoinsWithTheFirstDeviceAndLeavesOnceAfterTheLastOnesGrace() {
        String alice = "alice-" + UUID.randomUUID();
        try (TestClient watcher = device("watcher-" + UUID.randomUUID())) {
            UserSendTest.answer(watcher, Map.of("watch", true), "watching");
            TestClient laptop = device(alice);
            assertEquals(Map.of("userJoined", alice), userEvent(watcher, alice, Duration.ofSeconds(20)));
            TestClient phone = device(alice);
            laptop.disconnect();
            assertEquals(null, userEvent(watcher, alice, QUIET),
                    "neither a second device nor the first one going is an event");
            phone.disconnect();
            assertEquals(Map.of("userLeft", alice), userEvent(watcher, alice, Duration.ofSeconds(20)),
                    "the last device gone, after the grace period");
            assertEquals(null, userEvent(watcher, alice, QUIET), "once");
            laptop.close();
            phone.close();
        }
    }

    @Test
    void aDeviceReloadingWithinTheGracePeriodIsNeitherALeaveNorAJoin() {
        String bob = "bob-" + UUID.randomUUID();
        try (TestClient watcher = device("watcher-" + UUID.randomUUID())) {
            UserSendTest.answer(watcher, Map.of("watch", true), "watching");
            TestClient tab = device(bob);
            assertEquals(Map.of("userJoined", bob), userEvent(watcher, bob, Duration.ofSeconds(20)));
            tab.disconnect();
            try (TestClient reloaded = tab.reconnect(Transport.LONG_POLLING)) {
                assertTrue(reloaded.isConnected());
                assertEquals(null, userEvent(watcher, bob, QUIET), "no event for a reload");
            }
            tab.close();
            assertEquals(Map.of("userLeft", bob), userEvent(watcher, bob, Duration.ofSeconds(20)));
        }
    }

    /** @return the next userJoined or userLeft event of {@code user} the watcher is told of in time, or null */
    static Map<?, ?> userEvent(TestClient watcher, String user, Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        for (long left = wait.toNanos(); left > 0; left = deadline - System.nanoTime()) {
            var next = watcher.next(Duration.ofNanos(left));
            if (next.isPresent() && next.get().data() instanceof Map<?, ?> m
                    && (user.equals(m.get("userJoined")) || user.equals(m.get("userLeft")))) {
                return m;
            }
        }
        return null;
    }
}
