package org.thywill.server.auth;

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
 * {@code ApplicationContext.joinUser} over real sockets: a user joined to a channel receives it on the device
 * connected now and on one they connect from later, until {@code leaveUser}.
 */
class UserMembershipTest {

    private static final String ROOM = "/thywill/" + WhoAmIApplication.ID + "/channel/room";

    @AutoClose
    private static final ThywillTestServer SERVER = Tokens.jwtServer().start();

    private static TestClient device(String user) {
        return TestClient.connectAs(SERVER, WhoAmIApplication.ID, Transport.WEBSOCKET,
                Tokens.hmac(user, Duration.ofMinutes(5)));
    }

    @Test
    void aUsersDevicesNowAndLaterReceiveTheChannelUntilTheUserLeavesIt() {
        String alice = "alice-" + UUID.randomUUID();
        try (TestClient laptop = device(alice); TestClient bob = device("bob-" + UUID.randomUUID())) {
            UserSendTest.answer(bob, Map.of("joinUser", alice, "channel", "room"), "done");
            assertTrue(receivesSoon(bob, laptop, 40), "the device connected when the user joined");
            try (TestClient phone = device(alice)) {
                assertTrue(receivesSoon(bob, phone, 40), "a device the user connects from later");
                UserSendTest.answer(bob, Map.of("leaveUser", alice, "channel", "room"), "done");
                for (int tries = 0; receivesSoon(bob, laptop, 1); tries++) {
                    assertTrue(tries < 40, "the laptop still receives the channel after the user left it");
                }
                assertTrue(!receivesSoon(bob, phone, 1) && !receivesSoon(bob, laptop, 1), "neither device");
            }
        }
    }

    /** Sends to the channel up to {@code tries} times; @return whether {@code device} received one of them. */
    private static boolean receivesSoon(TestClient sender, TestClient device, int tries) {
        for (int i = 0; i < tries; i++) {
            String text = "probe-" + UUID.randomUUID();
            UserSendTest.answer(sender, Map.of("toChannel", "room", "text", text), "done");
            long deadline = System.nanoTime() + Duration.ofMillis(300).toNanos();
            for (long left = 1; left > 0; left = deadline - System.nanoTime()) {
                var next = device.next(Duration.ofNanos(Math.max(left, 1)));
                if (next.isPresent() && ROOM.equals(next.get().channel()) && next.get().data() instanceof Map<?, ?> m
                        && text.equals(m.get("text"))) {
                    return true;
                }
            }
        }
        return false;
    }
}
