package org.thywill.apps.admin;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Refuses logins from an address that failed too often lately, so that the token cannot be guessed by trying:
 * after {@value #MAX_FAILURES} wrong tokens within {@value #WINDOW_MILLIS} ms, an address is refused without
 * checking until the oldest of them is that old. Thread-safe.
 */
final class LoginGuard {

    static final int MAX_FAILURES = 5;
    static final long WINDOW_MILLIS = 60_000;

    private final Map<String, Deque<Long>> failures = new ConcurrentHashMap<>();

    /** @return true if the address may try now */
    boolean mayTry(String address, long now) {
        Deque<Long> times = failures.get(address);
        if (times == null) {
            return true;
        }
        synchronized (times) {
            while (!times.isEmpty() && now - times.peekFirst() >= WINDOW_MILLIS) {
                times.pollFirst();
            }
            return times.size() < MAX_FAILURES;
        }
    }

    void failed(String address, long now) {
        Deque<Long> times = failures.computeIfAbsent(address, a -> new ArrayDeque<>());
        synchronized (times) {
            times.addLast(now);
            while (times.size() > MAX_FAILURES) {
                times.pollFirst();
            }
        }
    }

    void succeeded(String address) {
        failures.remove(address);
    }
}
