package org.thywill.database.jdbc;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.thywill.api.Health;
import org.thywill.api.ThywillException;
import org.thywill.api.client.SessionId;
import org.thywill.api.database.Database;
import org.thywill.api.database.MembershipStore;
import org.thywill.api.delivery.InboxEntry;
import org.thywill.api.metrics.Metrics;

/** What every Database of this module must do, run against each engine by a subclass. */
abstract class DatabaseContract {

    @RegisterExtension
    final OpenedDatabases opened = new OpenedDatabases();

    /**
     * Application ids of this test's own: a MySQL database serves a whole test class, so memberships of other
     * tests may be there.
     */
    private final String chat = "chat-" + UUID.randomUUID();
    private final String draw = "draw-" + UUID.randomUUID();

    /** Where a test writes migration scripts that only a class loader of its own sees. */
    @TempDir
    Path scriptRoot;

    /** The default session lifetime. */
    protected static final Duration LIFETIME = SessionLifetime.DEFAULT;

    /** The time of every database a test opens through {@link #database}. */
    protected final MutableClock clock = new MutableClock(Instant.now());

    /** @return a new, unstarted database; persistent engines open the same storage each time */
    protected abstract Database newDatabase();

    /**
     * @param target what to connect to
     * @return a new, unstarted database on {@link #clock}, with the default session lifetime
     */
    protected final Database database(JdbcTarget target) {
        return new JdbcDatabase(target, SessionLifetime.of(null), new SecureRandom(), Metrics.none(), clock);
    }

    private static Duration touchInterval() {
        return SessionLifetime.of(null).touchInterval();
    }

    private static SessionRowWriter sessionRows(Database database) {
        return ((JdbcDatabase) database).sessionRows();
    }

    private static long lastActive(Database database, SessionId session) throws SQLException {
        return sessionColumn(database, session, "last_active_ms", Long.class);
    }

    private static Timestamp createdAt(Database database, SessionId session) throws SQLException {
        return sessionColumn(database, session, "created_at", Timestamp.class);
    }

    /** @return the column of the session's row, which must exist, as the type */
    private static <T> T sessionColumn(Database database, SessionId session, String column, Class<T> type)
            throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
             PreparedStatement read = connection.prepareStatement(
                     "SELECT " + column + " FROM thywill_session WHERE id = ?")) {
            read.setString(1, session.value());
            try (ResultSet row = read.executeQuery()) {
                assertTrue(row.next());
                return row.getObject(1, type);
            }
        }
    }

    /** @return a started database, stopped after the test */
    protected final Database startedDatabase() throws Exception {
        return opened.start(newDatabase());
    }

    @Test
    void startMigratesTheSessionTable() throws Exception {
        Database database = startedDatabase();
        try (Connection connection = database.dataSource().getConnection();
             Statement statement = connection.createStatement()) {
            try (ResultSet history = statement.executeQuery(
                    "SELECT version, success FROM thywill_schema_history WHERE version = '1'")) {
                assertTrue(history.next(), "V1 is recorded in thywill_schema_history");
                assertTrue(history.getBoolean("success"));
            }
            try (ResultSet count = statement.executeQuery("SELECT COUNT(*) FROM thywill_session")) {
                assertTrue(count.next());
            }
        }
    }

    @Test
    void createdSessionIsFound() throws Exception {
        Database database = startedDatabase();
        SessionId created = database.sessions().create();
        assertEquals(Optional.of(created), database.sessions().find(created.value()));
        assertEquals(Optional.of(created), database.sessions().find(created.value()), "found again at once");
    }

    @Test
    void createdSessionsDiffer() throws Exception {
        Database database = startedDatabase();
        assertNotEquals(database.sessions().create(), database.sessions().create());
    }

    @Test
    void forgedIdIsNotFound() throws Exception {
        Database database = startedDatabase();
        database.sessions().create();
        String forged = new SessionIds(new SecureRandom()).next();
        assertEquals(Optional.empty(), database.sessions().find(forged));
    }

    @Test
    void malformedIdsAreNotFound() throws Exception {
        Database database = startedDatabase();
        String real = database.sessions().create().value();
        assertEquals(Optional.empty(), database.sessions().find(null));
        assertEquals(Optional.empty(), database.sessions().find(""));
        assertEquals(Optional.empty(), database.sessions().find(real + "x"));
        assertEquals(Optional.empty(), database.sessions().find(real.repeat(1000)));
        assertEquals(Optional.empty(), database.sessions().find("' OR '1'='1"));
    }

    @Test
    void findMovesLastActiveButNotCreatedOncePerTouchInterval() throws Exception {
        Database database = startedDatabase();
        SessionId session = database.sessions().create();
        // Whole seconds: Connector/J drops the fraction of bound timestamps on MariaDB (it sees "5.5.5-10.x").
        Timestamp longAgo = Timestamp.valueOf("2001-02-03 04:05:06");
        long tenDaysAgo = clock.millis() - Duration.ofDays(10).toMillis();
        try (Connection connection = database.dataSource().getConnection();
             PreparedStatement age = connection.prepareStatement(
                     "UPDATE thywill_session SET created_at = ?, last_active_ms = ? WHERE id = ?")) {
            age.setTimestamp(1, longAgo);
            age.setLong(2, tenDaysAgo);
            age.setString(3, session.value());
            assertEquals(1, age.executeUpdate());
        }
        clock.advance(touchInterval());

        assertTrue(database.sessions().find(session.value()).isPresent());
        long found = clock.millis();
        sessionRows(database).writeAll();
        assertEquals(found, lastActive(database, session), "written active when found");

        clock.advance(touchInterval().minusMillis(1));
        assertTrue(database.sessions().find(session.value()).isPresent());
        database.sessions().active(session);
        sessionRows(database).writeAll();
        assertEquals(found, lastActive(database, session), "not written again within the touch interval");

        clock.advance(Duration.ofMillis(1));
        database.sessions().active(session);
        sessionRows(database).writeAll();
        assertEquals(clock.millis(), lastActive(database, session), "a poll after the interval writes it again");
        assertEquals(longAgo, createdAt(database, session));
    }

    @Test
    void aSessionExpiresAfterItsLifetimeWithoutActivity() throws Exception {
        Database database = startedDatabase();
        SessionId kept = database.sessions().create();
        SessionId idle = database.sessions().create();
        SessionId polled = database.sessions().createForConnection();
        assertEquals(Optional.of(Duration.ofDays(30)), database.sessions().lifetime(), "the default lifetime");

        clock.advance(LIFETIME.minusMillis(1));
        assertEquals(Optional.of(kept), database.sessions().find(kept.value()), "found just before it expires");
        database.sessions().active(polled);
        sessionRows(database).writeAll();
        clock.advance(Duration.ofMillis(1));

        assertEquals(Optional.empty(), database.sessions().find(idle.value()), "expired after its lifetime");
        assertEquals(Optional.of(kept), database.sessions().find(kept.value()), "a page load renewed it");
        assertEquals(Optional.of(polled), database.sessions().find(polled.value()), "a connection's poll renewed it");
        clock.advance(LIFETIME.minusMillis(2));
        assertEquals(Optional.of(kept), database.sessions().find(kept.value()), "its lifetime counts from then");
    }

    @Test
    void theScavengerDeletesExpiredSessionsWithMembershipsAndInboxesInBatchesAndKeepsActiveOnes() throws Exception {
        Database database = startedDatabase();
        Instant now = clock.instant();
        clock.set(now.minus(Duration.ofDays(100)));
        List<SessionId> expired = new ArrayList<>();
        for (int i = 0; i < SessionScavenger.BATCH + 1; i++) {
            expired.add(database.sessions().createForConnection());
        }
        sessionRows(database).writeAll(); // rows written behind take the time of their writing
        clock.set(now.minus(LIFETIME).minus(Duration.ofMinutes(1)));
        SessionId justExpired = database.sessions().create();
        clock.set(now);
        SessionId active = database.sessions().create();
        SessionId first = expired.get(0);
        SessionId last = expired.get(expired.size() - 1);
        for (SessionId session : List.of(first, last, justExpired, active)) {
            database.memberships().add(chat, "room", session);
            database.inbox().store(List.of(new InboxEntry(session, chat, 1, "{\"type\":\"message\"}", now)));
        }
        sessionRows(database).writeAll();
        assertEquals(Optional.empty(), database.sessions().find(justExpired.value()), "expired, not yet deleted");

        SessionScavenger scavenger = ((JdbcDatabase) database).scavenger();
        assertEquals(SessionScavenger.BATCH, scavenger.deleteBatch(), "one batch at a time");
        assertEquals(1, scavenger.deleteBatch());
        assertEquals(0, scavenger.deleteBatch());

        String ids = "'" + String.join("', '", expired.stream().map(SessionId::value).toList()) + "'";
        assertEquals(0, count(database, "thywill_session WHERE id IN (" + ids + ")"));
        assertEquals(0, count(database, "thywill_channel_member WHERE session_id IN (" + ids + ")"));
        assertEquals(0, count(database, "thywill_inbox WHERE session_id IN (" + ids + ")"));
        assertEquals(Set.of(justExpired, active), database.memberships().sessionsIn(chat, "room"),
                "a session expired for less than the touch interval is kept a little longer, as are active ones");
        assertEquals(1, database.inbox().pending(active, chat).size());
        assertEquals(1, database.inbox().pending(justExpired, chat).size());

        clock.advance(touchInterval());
        assertEquals(1, scavenger.deleteBatch());
        assertEquals(Set.of(active), database.memberships().sessionsIn(chat, "room"));
        assertEquals(List.of(), database.inbox().pending(justExpired, chat));
        assertEquals(Optional.of(active), database.sessions().find(active.value()));
    }

    @Test
    void startMigratesTheChannelMemberTable() throws Exception {
        Database database = startedDatabase();
        assertEquals(1, count(database, "thywill_schema_history WHERE version = '2' AND success"));
        assertEquals(0, count(database, "thywill_channel_member WHERE application_id = '" + chat + "'"));
    }

    @Test
    void aMembershipIsStoredOnceAndRemoved() throws Exception {
        Database database = startedDatabase();
        MembershipStore members = database.memberships();
        SessionId alice = database.sessions().create();

        members.add(chat, "room", alice);
        members.add(chat, "room", alice);

        assertEquals(Set.of("room"), members.channelsOf(chat, alice));
        assertEquals(Set.of(alice), members.sessionsIn(chat, "room"));
        assertEquals(1, count(database, "thywill_channel_member WHERE application_id = '" + chat + "'"), "a repeated join adds no row");
        assertTrue(members.remove(chat, "room", alice));
        assertFalse(members.remove(chat, "room", alice), "removing again finds nothing");
        assertEquals(Set.of(), members.channelsOf(chat, alice));
        assertEquals(Set.of(), members.sessionsIn(chat, "room"));
    }

    @Test
    void aRepeatedJoinKeepsTheFirstTimeOfJoining() throws Exception {
        Database database = startedDatabase();
        SessionId alice = database.sessions().create();
        database.memberships().add(chat, "room", alice);
        execute(database, "UPDATE thywill_channel_member SET joined_at = TIMESTAMP '2001-02-03 04:05:06'"
                + " WHERE application_id = '" + chat + "'");

        database.memberships().add(chat, "room", alice);

        assertEquals(1, count(database, "thywill_channel_member WHERE joined_at = TIMESTAMP '2001-02-03 04:05:06'"
                + " AND application_id = '" + chat + "'"));
    }

    @Test
    void membershipsAreKeptApartByApplicationChannelAndSession() throws Exception {
        Database database = startedDatabase();
        MembershipStore members = database.memberships();
        SessionId alice = database.sessions().create();
        SessionId bob = database.sessions().create();

        members.add(chat, "room", alice);
        members.add(chat, "lobby", alice);
        members.add(chat, "room", bob);
        members.add(draw, "room", bob);

        assertEquals(Set.of("room", "lobby"), members.channelsOf(chat, alice));
        assertEquals(Set.of("room"), members.channelsOf(chat, bob));
        assertEquals(Set.of("room"), members.channelsOf(draw, bob));
        assertEquals(Set.of(), members.channelsOf(draw, alice));
        assertEquals(Set.of(alice, bob), members.sessionsIn(chat, "room"));
        assertEquals(Set.of(alice), members.sessionsIn(chat, "lobby"));
        assertEquals(Set.of(bob), members.sessionsIn(draw, "room"));

        members.remove(chat, "room", bob);
        assertEquals(Set.of(alice), members.sessionsIn(chat, "room"));
        assertEquals(Set.of(bob), members.sessionsIn(draw, "room"), "another application's channel is untouched");
    }

    @Test
    void aMembershipNeedsAStoredSessionAndEndsWithIt() throws Exception {
        Database database = startedDatabase();
        SessionId forged = new SessionId(new SessionIds(new SecureRandom()).next());
        ThywillException e = assertThrows(ThywillException.class,
                () -> database.memberships().add(chat, "room", forged));
        assertTrue(e.getMessage().startsWith("Could not store a session's membership of channel 'room' of " + chat
                + ": "),
                e.getMessage());

        SessionId alice = database.sessions().create();
        database.memberships().add(chat, "room", alice);
        execute(database, "DELETE FROM thywill_session WHERE id = '" + alice.value() + "'");
        assertEquals(Set.of(), database.memberships().sessionsIn(chat, "room"));
    }

    @Test
    void aSessionMadeForAConnectionIsFoundAtOnceAndStoredSoonAfter() throws Exception {
        Database database = startedDatabase();
        SessionId session = database.sessions().createForConnection();
        assertEquals(Optional.of(session), database.sessions().find(session.value()));
        String row = "thywill_session WHERE id = '" + session.value() + "'";
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (count(database, row) == 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertEquals(1, count(database, row), "written behind, within moments");
        assertEquals(Optional.of(session), database.sessions().find(session.value()), "found in the database");
    }

    @Test
    void aSessionMadeForAConnectionCanJoinAChannelAtOnce() throws Exception {
        Database database = startedDatabase();
        List<SessionId> storm = new ArrayList<>();
        for (int i = 0; i < 3 * SessionRowWriter.BATCH; i++) {
            storm.add(database.sessions().createForConnection());
        }
        // Most of the storm's rows are still waiting; the membership row refers to the last one's.
        SessionId last = storm.get(storm.size() - 1);
        database.memberships().add(chat, "room", last);
        assertEquals(Set.of("room"), database.memberships().channelsOf(chat, last));
        assertEquals(Set.of(last), database.memberships().sessionsIn(chat, "room"));
        String rows = "thywill_session WHERE id IN ('" + last.value() + "', '" + storm.get(0).value() + "')";
        assertEquals(2, count(database, rows), "the rows made before it are written with it");
    }

    @Test
    void aNewSessionsChannelsAreKnownWithoutAQueryUntilItJoinsOne() throws Exception {
        Database database = startedDatabase();
        MembershipStore members = database.memberships();
        SessionId fresh = database.sessions().create();
        SessionId joined = database.sessions().create();
        members.add(chat, "room", joined);
        assertEquals(Set.of("room"), members.channelsOf(chat, joined), "a join is seen at once");
        assertTrue(members.remove(chat, "room", joined));
        database.stop();
        assertEquals(Set.of(), members.channelsOf(chat, fresh), "a new session has none: no query needed");
        assertThrows(RuntimeException.class, () -> members.channelsOf(chat, joined),
                "a session that joined a channel is read from the database, stopped here");
    }

    @Test
    void membershipStoreTakenBeforeStartWorksAfterStart() throws Exception {
        Database database = opened.stopAfter(newDatabase());
        MembershipStore members = database.memberships();
        database.start();
        SessionId alice = database.sessions().create();
        members.add(chat, "room", alice);
        assertEquals(Set.of("room"), members.channelsOf(chat, alice));
    }

    @Test
    void stopWithoutStartIsHarmless() {
        Database database = newDatabase();
        assertDoesNotThrow(database::stop);
        assertDoesNotThrow(database::stop);
    }

    @Test
    void dataSourceIsRefusedOutsideStartAndStop() throws Exception {
        Database database = newDatabase();
        assertThrows(IllegalStateException.class, database::dataSource);
        database.start();
        database.stop();
        IllegalStateException e = assertThrows(IllegalStateException.class, database::dataSource);
        assertTrue(e.getMessage().contains("is not started"), e.getMessage());
    }

    @Test
    void sessionStoreTakenBeforeStartWorksAfterStart() throws Exception {
        Database database = opened.stopAfter(newDatabase());
        var sessions = database.sessions();
        database.start();
        assertTrue(sessions.find(sessions.create().value()).isPresent());
    }

    @Test
    void applicationsMigrateTheirOwnTablesEachWithAHistoryOfItsOwn() throws Exception {
        Database database = startedDatabase();
        ClassLoader loader = getClass().getClassLoader();

        database.migrate("notes", loader, "db/app-notes");
        database.migrate("Todo-List", loader, "classpath:db/app-todo");

        execute(database, "INSERT INTO app_note (id, body) VALUES (1, 'first')");
        execute(database, "INSERT INTO app_todo_item (id, done) VALUES (1, FALSE)");
        assertEquals(1, count(database, "thywill_app_notes_history WHERE version = '1' AND success"));
        assertEquals(1, count(database, "thywill_app_todo_list_history WHERE version = '1' AND success"));
        assertEquals(0, count(database, "thywill_app_notes_history WHERE script LIKE '%todo%'"),
                "each history records its own application's scripts only");
        assertEquals(1, historyRows(database), "Thywill's own history is untouched");
    }

    @Test
    void anApplicationsScriptsForThisEngineReplaceItsPortableOnes() throws Exception {
        Database database = startedDatabase();
        writeScript("counted/V1__counted.sql",
                "CREATE TABLE app_counted (id BIGINT AUTO_INCREMENT PRIMARY KEY, name VARCHAR(20) NOT NULL);");
        writeScript("counted-postgresql/V1__counted.sql", "CREATE TABLE app_counted"
                + " (id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, name VARCHAR(20) NOT NULL);");

        try (URLClassLoader scripts = scriptLoader()) {
            database.migrate("counted", scripts, "counted");
        }

        execute(database, "INSERT INTO app_counted (name) VALUES ('first')");
        assertEquals(1, count(database, "app_counted WHERE id = 1"), "the id was generated");
        assertEquals(1, count(database, "thywill_app_counted_history WHERE version = '1' AND success"),
                "one V1: the other engine's folder is not read");
    }

    @Test
    void migratingAgainAppliesNothing() throws Exception {
        Database database = startedDatabase();
        writeScript("again/V1__again.sql", "CREATE TABLE app_again (id INT PRIMARY KEY);");
        try (URLClassLoader scripts = scriptLoader()) {
            database.migrate("again", scripts, "again");
            int rows = count(database, "thywill_app_again_history");
            execute(database, "INSERT INTO app_again (id) VALUES (1)");

            database.migrate("again", scripts, "again");

            assertEquals(rows, count(database, "thywill_app_again_history"), "no new history row");
            assertEquals(1, count(database, "app_again"), "the table was not created anew");
        }
    }

    @Test
    void scriptsAreFoundThroughTheGivenClassLoader() throws Exception {
        Database database = startedDatabase();
        writeScript("loaded/V1__loaded.sql", "CREATE TABLE app_loaded (id INT PRIMARY KEY);");

        try (URLClassLoader scripts = scriptLoader()) {
            database.migrate("loaded", scripts, "loaded");
        }

        assertEquals(0, count(database, "app_loaded"), "the table exists, empty");
    }

    @Test
    void failingScriptFailsNamingApplicationScriptAndDatabaseError() throws Exception {
        Database database = startedDatabase();

        ThywillException e = assertThrows(ThywillException.class,
                () -> database.migrate("broken", getClass().getClassLoader(), "db/app-broken"));

        assertTrue(e.getMessage().startsWith("Application 'broken' could not migrate its tables in the "),
                e.getMessage());
        assertTrue(e.getMessage().contains("script V1__broken_table.sql failed: "), e.getMessage());
        assertTrue(e.getMessage().toLowerCase(Locale.ROOT).contains("syntax"), "the database's error: "
                + e.getMessage());
        assertTrue(database.sessions().find(database.sessions().create().value()).isPresent(),
                "the database still serves everything else");
    }

    @Test
    void migrateBeforeStartIsRefused() {
        Database database = newDatabase();
        assertThrows(IllegalStateException.class,
                () -> database.migrate("notes", getClass().getClassLoader(), "db/app-notes"));
    }

    @Test
    void healthIsUpWithProductUrlAndPoolOnlyWhileStarted() throws Exception {
        Database database = opened.stopAfter(newDatabase());
        Health before = database.health();
        assertFalse(before.up(), before.detail());
        assertTrue(before.detail().contains("is not started"), before.detail());

        database.start();
        Health running = database.health();
        assertTrue(running.up(), running.detail());
        assertTrue(running.detail().matches(
                "(H2|MySQL|PostgreSQL) \\S.* at jdbc:(h2|mysql|postgresql):\\S+, pool [0-2]/2"),
                running.detail());

        database.stop();
        assertFalse(database.health().up());
    }

    /** @return the number of V1 rows in the history, to show a restart does not migrate again */
    protected static int historyRows(Database database) throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
             Statement statement = connection.createStatement();
             ResultSet count = statement.executeQuery(
                     "SELECT COUNT(*) FROM thywill_schema_history WHERE version = '1'")) {
            count.next();
            return count.getInt(1);
        }
    }

    private void writeScript(String path, String sql) throws IOException {
        Path file = scriptRoot.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, sql);
    }

    /** @return a loader that sees {@link #scriptRoot} and nothing of this module (no parent) */
    private URLClassLoader scriptLoader() throws IOException {
        return new URLClassLoader(new URL[] {scriptRoot.toUri().toURL()}, null);
    }

    private static void execute(Database database, String sql) throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    /** @return the rows of {@code from}, a table with perhaps a WHERE clause */
    private static int count(Database database, String from) throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
             Statement statement = connection.createStatement();
             ResultSet count = statement.executeQuery("SELECT COUNT(*) FROM " + from)) {
            count.next();
            return count.getInt(1);
        }
    }
}
