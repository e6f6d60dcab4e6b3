package org.thywill.apps.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Wrong tokens lock out one name from one address, for longer each time, and nobody else. */
class LoginGuardTest {

    private final AtomicLong clock = new AtomicLong(1_000_000);
    private final LoginGuard guard = new LoginGuard(clock::get);

    private void failFreeTries(String name, String address) {
        for (int i = 1; i < LoginGuard.FREE_FAILURES; i++) {
            assertEquals(0, guard.failed(name, address), "failure " + i + " locks nothing");
        }
    }

    @Test
    void wrongTokensFromOneNameAndAddressLockOutNeitherAnotherNameNorAnotherAddress() {
        failFreeTries("mallory", "10.0.0.1");
        assertEquals(LoginGuard.FIRST_LOCK_MILLIS, guard.failed("mallory", "10.0.0.1"));

        assertEquals(LoginGuard.FIRST_LOCK_MILLIS, guard.waitMillis("mallory", "10.0.0.1"));
        assertEquals(LoginGuard.FIRST_LOCK_MILLIS, guard.waitMillis("Mallory", "10.0.0.1"), "names ignore case");
        assertEquals(0, guard.waitMillis("ada", "10.0.0.1"), "another name from the same address");
        assertEquals(0, guard.waitMillis("mallory", "10.0.0.2"), "the same name from another address");
    }

    @Test
    void eachFailureAfterALockDoublesItUpToTheCap() {
        failFreeTries("mallory", "10.0.0.1");
        long expected = LoginGuard.FIRST_LOCK_MILLIS;
        for (int i = 0; i < 10; i++) {
            long lock = guard.failed("mallory", "10.0.0.1");
            assertEquals(Math.min(expected, LoginGuard.MAX_LOCK_MILLIS), lock, "lock " + i);
            clock.addAndGet(lock);
            assertEquals(0, guard.waitMillis("mallory", "10.0.0.1"), "free again once the lock ends");
            expected *= 2;
        }
        assertEquals(LoginGuard.MAX_LOCK_MILLIS, guard.failed("mallory", "10.0.0.1"), "capped");
    }

    @Test
    void aRightTokenOrAQuietHourClearsTheCount() {
        failFreeTries("ada", "10.0.0.1");
        guard.succeeded("ada", "10.0.0.1");
        failFreeTries("ada", "10.0.0.1");
        clock.addAndGet(LoginGuard.MAX_LOCK_MILLIS);
        failFreeTries("ada", "10.0.0.1");
    }
}
