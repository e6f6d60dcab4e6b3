package org.thywill.http;

import io.github.bucket4j.Bucket;
import java.time.Duration;

/**
 * Lets a repeated warning about one connection through at most once a second, so a misbehaving client cannot fill
 * the log: a Bucket4j bucket of one token, refilled each second. Thread-safe.
 */
public final class LogThrottle {

    private final Bucket bucket = Bucket.builder()
            .addLimit(limit -> limit.capacity(1).refillIntervally(1, Duration.ofSeconds(1)))
            .build();

    /** @return whether to log now */
    public boolean allows() {
        return bucket.tryConsume(1);
    }
}
