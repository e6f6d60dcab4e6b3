package org.thywill.database.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeout;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import org.thywill.api.Health;
import org.thywill.api.ThywillException;
import org.thywill.api.client.SessionId;
import org.thywill.api.database.Database;
import org.thywill.testing.fixtures.MySqlTestDatabase;
import org.thywill.testing.fixtures.TcpProxy;

/**
 * The {@code mysql} Database through a {@link TcpProxy} that plays the server going away and coming back: start-up
 * waits for it, an operation during an outage fails on its own, and everything works again afterwards.
 */
class MySqlOutageTest {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);

    /** What the JVM, the scheduler and a slow machine may add to a timeout before a test calls it a hang. */
    private static final Duration SLACK = Duration.ofMillis(1_500);

    /**
     * HikariCP's longest pause between two attempts to reconnect during an outage: the first connection after it
     * may come this long after the server is back.
     */
    private static final Duration RECOVERY = Duration.ofSeconds(5);

    @RegisterExtension
    static final ServerDatabase<MySqlTestDatabase, MySqlSettings> SERVER = ServerDatabase.mysql();

    @TempDir
    Path home;

    private final MySqlTestDatabase server = SERVER.database();

    private TcpProxy proxy;
    private Database database;
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private final Logger retryLogger = (Logger) LoggerFactory.getLogger(StartupRetry.class);

    @BeforeEach
    void startProxyAndCaptureLog() throws Exception {
        proxy = TcpProxy.to(server.address());
        log.start();
        retryLogger.addAppender(log);
    }

    @AfterEach
    void stopEverything() {
        retryLogger.detachAppender(log);
        if (database != null) {
            database.stop();
        }
        proxy.close();
    }

    @Test
    void startWaitsForTheServerLoggingEachAttempt() throws Exception {
        proxy.cut();
        database = create(Duration.ofSeconds(30));
        CompletableFuture<Void> starting = CompletableFuture.runAsync(() -> {
            try {
                database.start();
            } catch (Exception e) {
                throw new CompletionException(e);
            }
        });

        Thread.sleep(3_000);
        assertFalse(starting.isDone(), "still waiting while the server is away");
        proxy.restore();
        starting.get(10, TimeUnit.SECONDS);

        assertTrue(database.sessions().find(database.sessions().create().value()).isPresent());
        List<String> warnings = log.list.stream()
                .filter(event -> event.getLevel() == Level.WARN)
                .map(ILoggingEvent::getFormattedMessage)
                .toList();
        assertFalse(warnings.isEmpty(), "a warning per attempt: " + log.list);
        String expected = "Database not reachable yet at " + JdbcUrls.redact(server.urlThrough(proxy.port()))
                + " (Connection refused); retrying for another ";
        for (String warning : warnings) {
            assertTrue(warning.startsWith(expected) && warning.matches(".* \\d+ s"), warning);
        }
    }

    @Test
    void operationsFailDuringAnOutageAndWorkAgainAfterIt() throws Exception {
        database = create(Duration.ZERO);
        database.start();
        SessionId before = database.sessions().create();
        assertTrue(database.health().up());

        proxy.cut();

        ThywillException failed = assertTimeout(CONNECT_TIMEOUT.plus(SLACK),
                () -> assertThrows(ThywillException.class, () -> database.sessions().create()));
        assertTrue(failed.getMessage().startsWith("Could not store a new session: "), failed.getMessage());
        String unknown = new SessionIds(new java.security.SecureRandom()).next();
        assertTimeout(CONNECT_TIMEOUT.plus(SLACK),
                () -> assertThrows(ThywillException.class, () -> database.sessions().find(unknown)));
        assertEquals(Optional.of(before), database.sessions().find(before.value()),
                "active here within the touch interval: found without a query");
        Health down = assertTimeout(HealthCheck.LIMIT.plus(SLACK), () -> database.health());
        assertFalse(down.up(), down.detail());
        assertTrue(down.detail().startsWith("cannot reach " + JdbcUrls.redact(server.urlThrough(proxy.port()))
                + ": "), down.detail());

        proxy.restore();

        SessionId after = assertTimeout(RECOVERY.plus(CONNECT_TIMEOUT).plus(SLACK), this::createOnceBack);
        assertEquals(Optional.of(after), database.sessions().find(after.value()));
        assertEquals(Optional.of(before), database.sessions().find(before.value()), "stored before the outage");
        Health up = database.health();
        assertTrue(up.up(), up.detail());
    }

    @Test
    void startGivesUpAfterStartupTimeoutNamingTheUrl() throws Exception {
        proxy.cut();
        database = create(Duration.ofSeconds(2));

        ThywillException e = assertTimeout(Duration.ofSeconds(4).plus(SLACK),
                () -> assertThrows(ThywillException.class, database::start));

        assertTrue(e.getMessage().startsWith("Could not open the mysql database at "
                + JdbcUrls.redact(server.urlThrough(proxy.port())) + " as user '" + server.user() + "': "),
                e.getMessage());
        assertTrue(e.getMessage().endsWith(" Tried for 2 s; raise the database's startupTimeout to wait longer."),
                e.getMessage());
        assertFalse(log.list.isEmpty(), "it did retry");
    }

    /** Creates a session as a client would: retrying a failed request until the pool has reconnected. */
    private SessionId createOnceBack() throws InterruptedException {
        long deadline = System.nanoTime() + RECOVERY.toNanos();
        while (true) {
            try {
                return database.sessions().create();
            } catch (ThywillException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(100);
            }
        }
    }

    private Database create(Duration startupTimeout) {
        return SERVER.create(new MySqlSettings(server.urlThrough(proxy.port()), server.user(), server.password(), 2,
                CONNECT_TIMEOUT, startupTimeout), home);
    }
}
