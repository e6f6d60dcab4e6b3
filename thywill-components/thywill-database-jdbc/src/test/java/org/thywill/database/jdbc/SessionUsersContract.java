package org.thywill.database.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.thywill.api.ThywillException;
import org.thywill.api.client.SessionId;
import org.thywill.api.database.Database;
import org.thywill.api.database.MembershipStore;
import org.thywill.api.database.SessionStore;
import org.thywill.api.metrics.Metrics;

/**
 * What the session store must do with users, on each engine: a session belongs to the user its latest
 * authenticated connection named, and a send to a user finds their live sessions, newest activity first; a user's
 * channels are kept per application.
 */
abstract class SessionUsersContract {

    private final List<Database> opened = new ArrayList<>();
    private final MutableClock clock = new MutableClock(Instant.now());
    /** User ids of this test's own: a server database serves a whole test class. */
    private final String alice = "alice-" + UUID.randomUUID();
    private final String bob = "bob-" + UUID.randomUUID();

    /** @return what to connect to; on a server, the same database each time */
    protected abstract JdbcTarget target();

    private SessionStore started() throws Exception {
        return startedDatabase().sessions();
    }

    private Database startedDatabase() throws Exception {
        Database database = new JdbcDatabase(target(), SessionLifetime.of(null), new SecureRandom(),
                Metrics.none(), clock);
        opened.add(database);
        database.start();
        return database;
    }

    @AfterEach
    void stop() {
        opened.forEach(Database::stop);
    }

    @Test
    void aUsersSessionsAreFoundMostRecentlyActiveFirstUpToTheLimit() throws Exception {
        SessionStore sessions = started();
        SessionId laptop = sessions.create();
        clock.advance(Duration.ofMinutes(1));
        SessionId phone = sessions.create();
        SessionId bobs = sessions.create();
        sessions.assignUser(laptop, alice);
        sessions.assignUser(phone, alice);
        sessions.assignUser(bobs, bob);

        assertEquals(List.of(phone, laptop), sessions.sessionsOf(alice, 10));
        assertEquals(List.of(phone), sessions.sessionsOf(alice, 1));
        assertEquals(List.of(bobs), sessions.sessionsOf(bob, 10));
        assertEquals(List.of(), sessions.sessionsOf("nobody-" + UUID.randomUUID(), 10));
    }

    @Test
    void aSessionSignedInAsAnotherUserMovesToThem() throws Exception {
        SessionStore sessions = started();
        SessionId browser = sessions.create();
        sessions.assignUser(browser, alice);
        sessions.assignUser(browser, bob);

        assertEquals(List.of(), sessions.sessionsOf(alice, 10));
        assertEquals(List.of(browser), sessions.sessionsOf(bob, 10));
    }

    @Test
    void aSessionMadeForAConnectionIsAssignedBeforeItsRowIsWrittenBehind() throws Exception {
        SessionStore sessions = started();
        SessionId connection = sessions.createForConnection();
        sessions.assignUser(connection, alice);

        assertEquals(List.of(connection), sessions.sessionsOf(alice, 10));
    }

    @Test
    void anExpiredSessionIsNoLongerTheUsers() throws Exception {
        SessionStore sessions = started();
        SessionId old = sessions.create();
        sessions.assignUser(old, alice);
        clock.advance(SessionLifetime.DEFAULT);

        assertEquals(List.of(), sessions.sessionsOf(alice, 10));
    }

    @Test
    void aUserIdTooLongToStoreIsRefusedSayingTheLimit() throws Exception {
        SessionStore sessions = started();
        String tooLong = "u".repeat(SessionStore.MAX_USER_ID + 1);
        ThywillException refused = assertThrows(ThywillException.class,
                () -> sessions.assignUser(sessions.create(), tooLong));
        assertTrue(refused.getMessage().contains("at most " + SessionStore.MAX_USER_ID), refused.getMessage());
        assertEquals(List.of(), sessions.sessionsOf(tooLong, 10));
        SessionId longest = sessions.create();
        sessions.assignUser(longest, "u".repeat(SessionStore.MAX_USER_ID));
        assertEquals(List.of(longest), sessions.sessionsOf("u".repeat(SessionStore.MAX_USER_ID), 10));
    }

    @Test
    void aUsersChannelsAreKeptPerApplicationUntilLeft() throws Exception {
        MembershipStore members = startedDatabase().memberships();
        members.addUser("chat", "room", alice);
        members.addUser("chat", "room", alice);
        members.addUser("chat", "news", alice);
        members.addUser("draw", "board", alice);

        assertEquals(Set.of("room", "news"), members.channelsOfUser("chat", alice), "idempotent, per application");
        assertEquals(Set.of(), members.channelsOfUser("chat", bob));
        assertTrue(members.removeUser("chat", "room", alice));
        assertFalse(members.removeUser("chat", "room", alice));
        assertEquals(Set.of("news"), members.channelsOfUser("chat", alice));
    }
}
