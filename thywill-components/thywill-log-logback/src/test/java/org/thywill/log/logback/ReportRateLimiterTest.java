package org.thywill.log.logback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.thywill.log.logback.ReportRateLimiter.Decision;

class ReportRateLimiterTest {

    private final AtomicLong clock = new AtomicLong();

    @Test
    void eachKeyGetsItsAllowancePerWindowAndTheDropIsNotedOnce() {
        ReportRateLimiter limiter = new ReportRateLimiter(2, 100, clock::get);
        assertEquals(Decision.ACCEPT, limiter.admit("a").decision());
        assertEquals(Decision.ACCEPT, limiter.admit("a").decision());
        assertEquals(Decision.DROP_FIRST, limiter.admit("a").decision());
        assertEquals(Decision.DROP, limiter.admit("a").decision());
        assertEquals(Decision.ACCEPT, limiter.admit("b").decision());

        clock.set(59_999);
        assertEquals(1, limiter.admit("a").retryAfterSeconds());
        clock.set(60_000);
        assertEquals(Decision.ACCEPT, limiter.admit("a").decision());
        assertEquals(60, limiter.admit("a").retryAfterSeconds());
    }

    @Test
    void zeroPerWindowAcceptsNothing() {
        ReportRateLimiter limiter = new ReportRateLimiter(0, 100, clock::get);
        assertEquals(Decision.DROP_FIRST, limiter.admit("a").decision());
    }

    @Test
    void staleKeysAreEvictedSoMemoryStaysBounded() {
        ReportRateLimiter limiter = new ReportRateLimiter(1, 3, clock::get);
        limiter.admit("a");
        limiter.admit("b");
        limiter.admit("c");
        clock.set(60_000);
        limiter.admit("d");
        assertEquals(1, limiter.size());
    }

    @Test
    void whileEveryWindowIsFreshNewKeysShareOneOverflowWindow() {
        ReportRateLimiter limiter = new ReportRateLimiter(1, 2, clock::get);
        limiter.admit("a");
        limiter.admit("b");
        assertEquals(Decision.ACCEPT, limiter.admit("c").decision());
        assertEquals(Decision.DROP_FIRST, limiter.admit("d").decision());
        assertTrue(limiter.size() <= 3);
    }
}
