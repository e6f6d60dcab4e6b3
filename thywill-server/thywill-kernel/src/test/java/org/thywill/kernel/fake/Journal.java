package org.thywill.kernel.fake;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What the fake components did, in order ("start log", "stop log", "open clientInterface"), so tests can assert the
 * kernel's ordering. Static because ServiceLoader creates the providers; tests clear it before each test and do
 * not run in parallel.
 */
public final class Journal {

    private static final List<String> EVENTS = new CopyOnWriteArrayList<>();

    private Journal() {
    }

    static void record(String event) {
        EVENTS.add(event);
    }

    /** @return a snapshot of the events so far */
    public static List<String> events() {
        return List.copyOf(EVENTS);
    }

    /** Forgets every event. */
    public static void clear() {
        EVENTS.clear();
    }
}
