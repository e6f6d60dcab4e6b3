package org.thywill.database.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.thywill.api.ThywillException;
import org.thywill.api.client.SessionId;
import org.thywill.api.database.Database;
import org.thywill.api.database.SessionAttributeStore;
import org.thywill.api.metrics.Metrics;

/**
 * What the session data store must do, on each engine: values kept per application and session, updates that lose
 * nothing when two nodes race, the caps, and the data going with its session.
 */
abstract class SessionDataContract {

    /** The caps of every database a test opens: small, so a test reaches them. */
    static final SessionDataLimits LIMITS = new SessionDataLimits(64, 3);

    @RegisterExtension
    final OpenedDatabases opened = new OpenedDatabases();
    private final String app = "data-" + UUID.randomUUID();
    private final MutableClock clock = new MutableClock(Instant.now());

    /** @return what to connect to; on a server, the same database each time */
    protected abstract JdbcTarget target();

    /**
     * @param first a started database
     * @return a second node's database on the same storage, started; an embedded engine, which one process owns,
     *         returns {@code first}
     */
    protected Database secondNode(Database first) throws Exception {
        return first;
    }

    /** @return a started database on {@link #target()}, with {@link #LIMITS}, stopped after the test */
    protected final Database started() throws Exception {
        return opened.start(new JdbcDatabase(target(), SessionLifetime.of(null), LIMITS, new SecureRandom(),
                Metrics.none(), clock));
    }

    @Test
    void valuesAreKeptPerApplicationAndSessionUntilRemoved() throws Exception {
        Database database = started();
        SessionAttributeStore data = database.sessionAttributes();
        SessionId alice = database.sessions().create();
        SessionId bob = database.sessions().create();
        String other = "other-" + UUID.randomUUID();

        data.put(app, alice, "name", "\"Alice\"");
        data.put(app, bob, "name", "\"Bob\"");
        data.put(other, alice, "name", "\"Al\"");
        data.put(app, alice, "name", "\"Alice B.\"");

        assertEquals(Optional.of("\"Alice B.\""), data.get(app, alice, "name"), "the second put replaced the first");
        assertEquals(Optional.of("\"Bob\""), data.get(app, bob, "name"));
        assertEquals(Optional.of("\"Al\""), data.get(other, alice, "name"), "another application's own value");
        assertEquals(Optional.empty(), data.get(app, alice, "age"));
        assertTrue(data.remove(app, alice, "name"));
        assertFalse(data.remove(app, alice, "name"), "nothing left to remove");
        assertEquals(Optional.empty(), data.get(app, alice, "name"));
        assertEquals(Optional.of("\"Al\""), data.get(other, alice, "name"));
    }

    @Test
    void updateChangesTheCurrentValueAndNullRemovesIt() throws Exception {
        Database database = started();
        SessionAttributeStore data = database.sessionAttributes();
        SessionId session = database.sessions().create();

        assertNull(data.update(app, session, "count", current -> current), "unset stays unset");
        assertEquals("1", data.update(app, session, "count", current -> current == null ? "1" : "x"));
        assertEquals("2", data.update(app, session, "count", current -> Long.toString(Long.parseLong(current) + 1)));
        assertEquals(Optional.of("2"), data.get(app, session, "count"));
        assertNull(data.update(app, session, "count", current -> null));
        assertEquals(Optional.empty(), data.get(app, session, "count"));
    }

    @Test
    void incrementsFromTwoNodesAtOnceLoseNothing() throws Exception {
        Database one = started();
        Database two = secondNode(one);
        SessionId session = one.sessions().create();
        int threadsPerNode = 4;
        int incrementsPerThread = 25;
        ExecutorService threads = Executors.newFixedThreadPool(2 * threadsPerNode);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < 2 * threadsPerNode; i++) {
                SessionAttributeStore data = (i % 2 == 0 ? one : two).sessionAttributes();
                done.add(threads.submit(() -> {
                    for (int n = 0; n < incrementsPerThread; n++) {
                        data.update(app, session, "count",
                                current -> Long.toString(current == null ? 1 : Long.parseLong(current) + 1));
                    }
                }));
            }
            for (Future<?> future : done) {
                future.get();
            }
        } finally {
            threads.shutdownNow();
        }
        assertEquals(Optional.of(Integer.toString(2 * threadsPerNode * incrementsPerThread)),
                two.sessionAttributes().get(app, session, "count"));
    }

    @Test
    void aValueLongerThanTheSizeCapIsRefusedNamingTheSetting() throws Exception {
        Database database = started();
        SessionAttributeStore data = database.sessionAttributes();
        SessionId session = database.sessions().create();
        String largest = "\"" + "é".repeat(31) + "\""; // 64 bytes in UTF-8, from 33 characters
        data.put(app, session, "note", largest);

        ThywillException put = assertThrows(ThywillException.class,
                () -> data.put(app, session, "note", largest.replace("\"é", "\"éa")));
        assertTrue(put.getMessage().contains("its JSON is 65 bytes, more than the 64 database.sessionDataMaxBytes"
                + " allows"), put.getMessage());
        ThywillException update = assertThrows(ThywillException.class,
                () -> data.update(app, session, "note", current -> current + " "));
        assertTrue(update.getMessage().contains("sessionDataMaxBytes"), update.getMessage());
        assertEquals(Optional.of(largest), data.get(app, session, "note"), "the stored value is unchanged");
    }

    @Test
    void oneAttributeMoreThanTheCountCapIsRefusedNamingTheSetting() throws Exception {
        Database database = started();
        SessionAttributeStore data = database.sessionAttributes();
        SessionId session = database.sessions().create();
        for (String name : List.of("a", "b", "c")) {
            data.put(app, session, name, "1");
        }
        data.put(app, session, "c", "2");
        data.put("other-" + UUID.randomUUID(), session, "d", "1");

        ThywillException e = assertThrows(ThywillException.class, () -> data.put(app, session, "d", "1"));
        assertTrue(e.getMessage().contains("the session already holds 3 attributes there, the most"
                + " database.sessionDataMaxAttributes allows"), e.getMessage());
        assertThrows(ThywillException.class, () -> data.update(app, session, "d", current -> "1"));
        data.remove(app, session, "a");
        data.put(app, session, "d", "1");
        assertEquals(Optional.of("1"), data.get(app, session, "d"), "room again after a remove");
    }

    @Test
    void aSessionMadeForAConnectionHoldsDataAtOnce() throws Exception {
        Database database = started();
        SessionId session = database.sessions().createForConnection();
        database.sessionAttributes().put(app, session, "seen", "true");
        assertEquals(Optional.of("true"), database.sessionAttributes().get(app, session, "seen"));
    }

    @Test
    void anUnknownSessionCannotHoldData() throws Exception {
        Database database = started();
        SessionId unknown = new SessionId(new SessionIds(new SecureRandom()).next());
        ThywillException e = assertThrows(ThywillException.class,
                () -> database.sessionAttributes().put(app, unknown, "seen", "true"));
        assertTrue(e.getMessage().contains("the session no longer exists"), e.getMessage());
    }

    @Test
    void theDataOfAnExpiredSessionIsDeletedWithIt() throws Exception {
        Database database = started();
        SessionId expiring = database.sessions().create();
        clock.advance(SessionLifetime.DEFAULT.dividedBy(2));
        SessionId active = database.sessions().create();
        database.sessionAttributes().put(app, expiring, "count", "3");
        database.sessionAttributes().put(app, active, "count", "4");
        SessionLifetime lifetime = SessionLifetime.of(null);
        clock.advance(lifetime.kept().minus(SessionLifetime.DEFAULT.dividedBy(2)).plus(Duration.ofMillis(1)));

        assertTrue(((JdbcDatabase) database).scavenger().deleteBatch() >= 1, "a server may hold other tests' sessions");

        assertEquals(Optional.empty(), database.sessionAttributes().get(app, expiring, "count"));
        assertEquals(Optional.of("4"), database.sessionAttributes().get(app, active, "count"));
    }
}
