package org.thywill.apps.admin;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Refuses logins by a name from an address that gave wrong tokens lately, so that the token cannot be guessed by
 * trying, while nobody else is locked out: the key is the name and the address together, so five wrong tokens by
 * 'mallory' from one address (which, behind a proxy not yet trusted, may be everyone's) leave 'ada' free to log in.
 * After {@value #FREE_FAILURES} wrong tokens in a row, each further one locks the name and address out for twice as
 * long as the last: {@link #FIRST_LOCK_MILLIS} ms, then twice that, up to {@link #MAX_LOCK_MILLIS} ms. A right token
 * clears the count; so does a quiet {@link #MAX_LOCK_MILLIS}. At most {@value #MAX_KEYS} keys are kept, the least
 * recently failed dropped first. Thread-safe.
 */
final class LoginGuard {

    static final int FREE_FAILURES = 5;
    static final long FIRST_LOCK_MILLIS = 60_000;
    static final long MAX_LOCK_MILLIS = 60 * 60_000;
    static final int MAX_KEYS = 10_000;

    private record Failures(int count, long lastAt, long lockedUntil) {
    }

    private final LongSupplier clockMillis;
    private final Map<String, Failures> failures = new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Failures> eldest) {
            return size() > MAX_KEYS;
        }
    };

    /** @param clockMillis a monotonic clock in milliseconds */
    LoginGuard(LongSupplier clockMillis) {
        this.clockMillis = clockMillis;
    }

    /** @return 0 if the name may try now from the address, else how many milliseconds it must wait */
    synchronized long waitMillis(String name, String address) {
        Failures f = current(key(name, address));
        return f == null ? 0 : Math.max(0, f.lockedUntil() - clockMillis.getAsLong());
    }

    /** @return how long the name is now locked out from the address, in milliseconds; 0 for not at all */
    synchronized long failed(String name, String address) {
        String key = key(name, address);
        Failures before = current(key);
        int count = before == null ? 1 : before.count() + 1;
        long now = clockMillis.getAsLong();
        long lock = count < FREE_FAILURES ? 0 : lockFor(count);
        failures.put(key, new Failures(count, now, now + lock));
        return lock;
    }

    synchronized void succeeded(String name, String address) {
        failures.remove(key(name, address));
    }

    /** The {@value #FREE_FAILURES}th failure locks for the first period; each one after doubles it, up to the cap. */
    static long lockFor(int count) {
        int doublings = Math.min(count - FREE_FAILURES, 30);
        return Math.min(MAX_LOCK_MILLIS, FIRST_LOCK_MILLIS << doublings);
    }

    private Failures current(String key) {
        Failures f = failures.get(key);
        if (f != null && clockMillis.getAsLong() - Math.max(f.lastAt(), f.lockedUntil()) >= MAX_LOCK_MILLIS) {
            failures.remove(key);
            return null;
        }
        return f;
    }

    private static String key(String name, String address) {
        return name.toLowerCase(Locale.ROOT) + "\u0000" + address;
    }
}
