package org.thywill.kernel.fake;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * What the fake components did, in order ("start log", "stop log", "open clientInterface"), so tests can assert the
 * kernel's ordering. Static because ServiceLoader creates the providers; tests clear it before each test
 * ({@code @ExtendWith(Journal.Cleared.class)}) and do not run in parallel.
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

    /** Clears the journal before each test of the class it extends. */
    public static final class Cleared implements BeforeEachCallback {
        @Override
        public void beforeEach(ExtensionContext context) {
            clear();
        }
    }
}
