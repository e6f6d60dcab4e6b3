package org.thywill.apps.hello;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.eclipse.jetty.http.HttpCookie;
import org.junit.jupiter.api.Test;
import org.thywill.testing.MySqlTestDatabase;
import org.thywill.testing.TestClient;
import org.thywill.testing.ThywillTestServer;

/**
 * Two real CometD clients in one session, as two tabs of one browser: they share the counts, on one server and on
 * two servers sharing a MySQL database, and no click is lost when both click at once.
 */
class HelloApplicationTest {

    private static final int CLICKS_PER_TAB = 15;

    /** Takes deliveries until one carries these counts; fails after 10 s without. */
    private static void awaitCounts(TestClient tab, long visits, long clicks) {
        Map<String, Long> wanted = Map.of("visits", visits, "clicks", clicks);
        List<Object> seen = new ArrayList<>();
        while (true) {
            TestClient.Delivery delivery;
            try {
                delivery = tab.next();
            } catch (AssertionError e) {
                throw new AssertionError("No message with " + wanted + "; saw " + seen, e);
            }
            if (!"message".equals(delivery.type())) {
                throw new AssertionError("The server answered " + delivery.envelope() + " after " + seen);
            }
            seen.add(delivery.data());
            if (wanted.equals(delivery.data())) {
                return;
            }
        }
    }

    /** Both tabs click {@link #CLICKS_PER_TAB} times, at once, each from a thread of its own. */
    private static void clickAtOnce(TestClient one, TestClient two) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (TestClient tab : List.of(one, two)) {
                done.add(threads.submit(() -> {
                    for (int i = 0; i < CLICKS_PER_TAB; i++) {
                        tab.send(HelloApplication.CLICK);
                    }
                }));
            }
            for (Future<?> future : done) {
                future.get();
            }
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void twoTabsOfOneBrowserShareTheCountsAndLoseNoClick() throws Exception {
        try (ThywillTestServer server = ThywillTestServer.withApplications("hello").start()) {
            HttpCookie browser = TestClient.newSession(server.uri(), "hello"); // the page load counts visit 1
            try (TestClient one = TestClient.connect(server.uri(), "hello", TestClient.Transport.WEBSOCKET, browser);
                 TestClient two = TestClient.connect(server.uri(), "hello", TestClient.Transport.LONG_POLLING,
                         browser);
                 TestClient stranger = TestClient.connect(server, "hello", TestClient.Transport.WEBSOCKET)) {
                awaitCounts(one, 1, 0);
                awaitCounts(two, 1, 0);

                clickAtOnce(one, two);

                awaitCounts(one, 1, 2 * CLICKS_PER_TAB);
                awaitCounts(two, 1, 2 * CLICKS_PER_TAB);
                awaitCounts(stranger, 1, 0); // another browser: a session, and counts, of its own
                stranger.send(HelloApplication.CLICK);
                awaitCounts(stranger, 1, 1);
            }
        }
    }

    @Test
    void twoNodesSharingADatabaseShareTheCountsAndLoseNoClick() throws Exception {
        try (MySqlTestDatabase database = MySqlTestDatabase.create("hello");
             ThywillTestServer first = database.use(ThywillTestServer.withApplications("hello")).start();
             ThywillTestServer second = database.use(ThywillTestServer.withApplications("hello")).start()) {
            HttpCookie browser = TestClient.newSession(first.uri(), "hello");
            try (TestClient one = TestClient.connect(first.uri(), "hello", TestClient.Transport.WEBSOCKET, browser);
                 TestClient two = TestClient.connect(second.uri(), "hello", TestClient.Transport.WEBSOCKET,
                         browser)) {
                awaitCounts(one, 1, 0);
                awaitCounts(two, 1, 0);

                clickAtOnce(one, two);
                one.send(HelloApplication.CLICK);

                // Each node tells its own connections (the Push cometd is one node's): the last click shows all.
                awaitCounts(one, 1, 2 * CLICKS_PER_TAB + 1);
            }
        }
    }
}
