package org.thywill.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.thywill.api.ThywillException;
import org.thywill.api.admin.ApplicationAdmin;
import org.thywill.api.admin.ApplicationState;
import org.thywill.api.application.ApplicationInfo;
import org.thywill.api.application.ApplicationInterface;
import org.thywill.server.deploy.TestApplications;
import org.thywill.testing.TestClient;
import org.thywill.testing.TestClient.Transport;
import org.thywill.testing.ThywillTestServer;

/**
 * Application Interface {@code jar}: jars built while the test runs, each in its own class loader; broken jars
 * reported by name while the others run; jars added, replaced and removed while the server runs.
 */
class ApplicationDeploymentTest {

    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path home;
    private Path apps;
    private Path log;

    @BeforeEach
    void folders() throws IOException {
        apps = Files.createDirectories(home.resolve("apps"));
        log = home.resolve("logs/thywill.log");
    }

    private ThywillTestServer.Builder server(String... enabled) {
        return ThywillTestServer.withApplications(enabled)
                .home(home)
                .set("application", "implementation", "jar")
                .set("application", "folder", apps.toString())
                .set("application", "scanInterval", "300ms")
                .set("log", "level", "INFO")
                .set("log", "file", log.toString());
    }

    @Test
    void twoJarsRunSideBySideEachInAClassLoaderOfItsOwn() {
        // Both jars hold a class deploy.app.App; each jar's own is used.
        TestApplications.echo("alpha", "alpha says ").writeTo(apps.resolve("alpha.jar"));
        TestApplications.echo("beta", "beta says ").writeTo(apps.resolve("beta.jar"));
        try (ThywillTestServer server = server().set("application", "watch", false).start();
             TestClient alpha = TestClient.connect(server, "alpha", Transport.WEBSOCKET);
             TestClient beta = TestClient.connect(server, "beta", Transport.WEBSOCKET)) {
            alpha.send("hi");
            beta.send("hi");
            assertEquals("alpha says hi", alpha.nextMessage());
            assertEquals("beta says hi", beta.nextMessage());
            assertEquals(List.of(new ApplicationInfo("alpha", "alpha", "alpha.jar"),
                    new ApplicationInfo("beta", "beta", "beta.jar")), applications(server));
            assertTrue(page(server, "beta").body().contains("<p id=\"version\">beta says </p>"),
                    "each page's body comes from its own jar");
        }
    }

    @Test
    void eachBrokenJarIsReportedByNameWithTheReasonWhileTheOthersRun() throws IOException {
        TestApplications.echo("alpha", "alpha says ").writeTo(apps.resolve("alpha.jar"));
        Files.writeString(apps.resolve("not-a-zip.jar"), "this is not a zip file");
        TestApplications.missingClass().writeTo(apps.resolve("missing-class.jar"));
        TestApplications.throwingConstructor().writeTo(apps.resolve("throwing-constructor.jar"));
        TestApplications.missingLibrary().writeTo(apps.resolve("missing-library.jar"));
        TestApplications.missingSuperclass().writeTo(apps.resolve("missing-superclass.jar"));
        TestApplications.failingStart("failing-start").writeTo(apps.resolve("failing-start.jar"));
        TestApplications.invalidId().writeTo(apps.resolve("invalid-id.jar"));
        TestApplications.migrating("broken", "THIS IS NOT SQL;").writeTo(apps.resolve("failing-migration.jar"));

        try (ThywillTestServer server = server().start();
             TestClient alpha = TestClient.connect(server, "alpha", Transport.WEBSOCKET)) {
            alpha.send("hi");
            assertEquals("alpha says hi", alpha.nextMessage());
            assertEquals(List.of("alpha"), ids(server));

            assertLoggedError("not-a-zip.jar", "it is not a readable jar (zip) file");
            assertLoggedError("missing-class.jar", "Provider deploy.app.Missing not found");
            assertLoggedError("throwing-constructor.jar", "boom in constructor");
            assertLoggedError("missing-library.jar", "NoClassDefFoundError: deploy/lib/Helper");
            assertLoggedError("missing-superclass.jar", "NoClassDefFoundError: deploy/lib/Base");
            assertLoggedError("failing-start.jar", "boom in start");
            assertLoggedError("failing-migration.jar", "its migrations in db/broken failed");
            assertLoggedError("invalid-id.jar", "has the invalid id 'not valid!'");
        }
    }

    @Test
    void anEnabledApplicationWhoseJarIsBrokenIsReportedAndTheOthersRun() throws IOException {
        TestApplications.echo("alpha", "alpha says ").writeTo(apps.resolve("alpha.jar"));
        TestApplications.failingStart("failing").writeTo(apps.resolve("failing.jar"));
        Files.writeString(apps.resolve("not-a-zip.jar"), "this is not a zip file");

        try (ThywillTestServer server = server("failing", "alpha", "ghost").start();
             TestClient alpha = TestClient.connect(server, "alpha", Transport.WEBSOCKET)) {
            alpha.send("hi");
            assertEquals("alpha says hi", alpha.nextMessage());
            assertEquals(List.of("alpha"), ids(server));
            assertEquals(200, page(server, "").statusCode(), "the first enabled one that runs is the default");
            assertLoggedError("failing.jar", "application 'failing' failed to start");
            assertLoggedError("'application.enabled' names [ghost]", "[not-a-zip.jar] failed to load");
        }
    }

    @Test
    void anEnabledIdThatNoJarEvenClaimsStopsStartUp() {
        TestApplications.echo("alpha", "alpha says ").writeTo(apps.resolve("alpha.jar"));
        ThywillException e = assertThrows(ThywillException.class, () -> server("alpha", "ghost").start());
        assertTrue(e.getMessage().contains("'application.enabled' names [ghost], which no loaded application"
                + " provides. Applications found: [alpha]"), e.getMessage());
    }

    @Test
    void twoJarsClaimingOneIdStopTheStartNamingBothWhicheverNameSortsFirst() {
        TestApplications.echo("alpha", "alpha says ").writeTo(apps.resolve("alpha.jar"));
        TestApplications.echo("alpha", "impostor says ").writeTo(apps.resolve("aa-impostor.jar"));
        TestApplications.echo("beta", "beta says ").writeTo(apps.resolve("beta.jar"));
        ThywillException e = assertThrows(ThywillException.class, () -> server().start());
        assertTrue(e.getMessage().contains("More than one application claims the id 'alpha' by aa-impostor.jar and"
                + " alpha.jar") && e.getMessage().contains("remove the jar that should not run"), e.getMessage());
        assertLoggedError("'alpha' by aa-impostor.jar and alpha.jar");
        assertFalse(watchThreadRuns(), "nothing is left running");
    }

    @Test
    void aJarDroppedInClaimingARunningIdIsRefusedLoudlyAndTheStartAfterRefusesBoth() {
        TestApplications.echo("alpha", "alpha says ").writeTo(apps.resolve("alpha.jar"));
        try (ThywillTestServer server = server().start();
             TestClient before = TestClient.connect(server, "alpha", Transport.WEBSOCKET)) {
            // Sorts before alpha.jar: at start-up it used to win the id.
            TestApplications.echo("alpha", "impostor says ").writeTo(apps.resolve("aa-impostor.jar"));
            eventually("the dropped jar to be refused", () -> logText().contains("aa-impostor.jar: not deployed"));
            assertLoggedError("aa-impostor.jar: not deployed", "'alpha' claims an id that belongs to alpha.jar,"
                    + " where it runs", "remove aa-impostor.jar", "the server refuses to start");
            before.send("hi");
            assertEquals("alpha says hi", before.nextMessage());
            try (TestClient after = TestClient.connect(server, "alpha", Transport.WEBSOCKET)) {
                after.send("hi");
                assertEquals("alpha says hi", after.nextMessage(), "the application that had the id keeps it");
            }
            assertEquals(List.of(new ApplicationInfo("alpha", "alpha", "alpha.jar")), applications(server));
        }
        ThywillException e = assertThrows(ThywillException.class, () -> server().start());
        assertTrue(e.getMessage().contains("'alpha' by aa-impostor.jar and alpha.jar"), e.getMessage());
    }

    @Test
    void anApplicationWhoseStartThrowsIsStoppedSoTheThreadsItStartedEnd() {
        TestApplications.leakyFailingStart("leaky").writeTo(apps.resolve("leaky.jar"));
        TestApplications.echo("alpha", "alpha says ").writeTo(apps.resolve("alpha.jar"));
        try (ThywillTestServer server = server().start()) {
            assertLoggedError("leaky.jar", "application 'leaky' failed to start", "boom in start");
            assertEquals(List.of("alpha"), ids(server));
            eventually("the thread leaky's start began to end", () -> !threadRuns("leaky-worker"));

            TestApplications.leakyFailingStart("dropped").writeTo(apps.resolve("dropped.jar"));
            eventually("the dropped jar's start to fail", () -> logText().contains("'dropped' failed to start"));
            eventually("the thread the dropped jar's start began to end", () -> !threadRuns("dropped-worker"));
            assertEquals(List.of("alpha"), ids(server));
        }
    }

    @Test
    void aSlowStartHoldsUpNeitherThePagesNorTheAdminConsoleNorAnotherDeployment() throws Exception {
        TestApplications.echo("alpha", "alpha says ").writeTo(apps.resolve("alpha.jar"));
        TestApplications.echo("beta", "beta says ").writeTo(apps.resolve("beta.jar"));
        Path gate = home.resolve("gate");
        try (ThywillTestServer server = server().start()) {
            ApplicationAdmin admin = (ApplicationAdmin) server.thywill().component(ApplicationInterface.class);
            TestApplications.slowStart("slow", gate).writeTo(apps.resolve("slow.jar"));
            eventually("the slow start to begin", () -> Files.exists(gate.resolve("started")));
            try {
                assertEquals(List.of("alpha", "beta"), quickly(() -> admin.applicationStates().stream()
                        .map(ApplicationState::id).toList()));
                assertEquals(200, quickly(() -> page(server, "alpha").statusCode()));
                assertTrue(quickly(() -> admin.undeploy("beta")), "another application undeploys meanwhile");
                assertTrue(quickly(() -> admin.redeploy("beta")), "and deploys again");
                assertTrue(quickly(() -> admin.redeploy("alpha")), "its jar is read again meanwhile");
                try (TestClient alpha = TestClient.connect(server, "alpha", Transport.WEBSOCKET)) {
                    alpha.send("hi");
                    assertEquals("alpha says hi", alpha.nextMessage());
                }
                assertFalse(ids(server).contains("slow"), "not routed to before its start returns");
            } finally {
                Files.writeString(gate.resolve("release"), "");
            }
            eventually("the slow application to run", () -> ids(server).contains("slow"));
        }
    }

    /** Runs {@code call} on another thread: it must return within a second, not wait for an application. */
    private static <T> T quickly(Callable<T> call) throws Exception {
        FutureTask<T> task = new FutureTask<>(call);
        Thread thread = new Thread(task, "quickly");
        thread.setDaemon(true);
        thread.start();
        try {
            return task.get(1, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError("Still waiting after a second: it waits for the slow start", e);
        }
    }

    @Test
    void aJarDroppedInWhileTheServerRunsIsDeployedAndAnswersAtOnce() {
        try (ThywillTestServer server = server().start()) {
            assertEquals(404, page(server, "gamma").statusCode());
            TestApplications.echo("gamma", "gamma says ").writeTo(apps.resolve("gamma.jar"));

            eventually("the page of the dropped jar's application", () -> page(server, "gamma").statusCode() == 200);
            assertEquals(List.of(new ApplicationInfo("gamma", "gamma", "gamma.jar")), applications(server));
            try (TestClient gamma = TestClient.connect(server, "gamma", Transport.WEBSOCKET)) {
                gamma.send("hi");
                assertEquals("gamma says hi", gamma.nextMessage());
            }
            assertLogged("INFO", "Deployed 'gamma' from gamma.jar");
        }
        assertFalse(watchThreadRuns(), "the watch thread ends when the server stops");
    }

    @Test
    void aReplacedJarTellsItsConnectionsAndNewClientsGetTheNewVersion() {
        TestApplications.echo("gamma", "v1: ").writeTo(apps.resolve("gamma.jar"));
        try (ThywillTestServer server = server().start();
             TestClient old = TestClient.connect(server, "gamma", Transport.WEBSOCKET)) {
            old.send("hi");
            assertEquals("v1: hi", old.nextMessage());
            assertTrue(page(server, "gamma").body().contains("v1: "));

            TestApplications.echo("gamma", "version two: ").writeTo(apps.resolve("gamma.jar"));

            TestClient.Delivery notice = old.next();
            assertEquals("/thywill/gamma", notice.channel());
            assertEquals(Map.of("type", "undeployed", "reason", "replaced"), notice.envelope());
            try (TestClient fresh = TestClient.connect(server, "gamma", Transport.WEBSOCKET)) {
                fresh.send("hi");
                assertEquals("version two: hi", fresh.nextMessage());
            }
            assertTrue(page(server, "gamma").body().contains("<p id=\"version\">version two: </p>"),
                    "the page's files come from the new jar");
            assertEquals(List.of(new ApplicationInfo("gamma", "gamma", "gamma.jar")), applications(server));
            assertLogged("INFO", "Redeployed 'gamma' from gamma.jar");
        }
    }

    @Test
    void aRemovedJarTellsItsConnectionsAndItsPageAndMessagesAreGone() throws IOException {
        TestApplications.echo("alpha", "alpha says ").writeTo(apps.resolve("alpha.jar"));
        TestApplications.echo("gamma", "gamma says ").writeTo(apps.resolve("gamma.jar"));
        try (ThywillTestServer server = server().start();
             TestClient alpha = TestClient.connect(server, "alpha", Transport.WEBSOCKET);
             TestClient gamma = TestClient.connect(server, "gamma", Transport.WEBSOCKET)) {
            Files.delete(apps.resolve("gamma.jar"));

            TestClient.Delivery notice = gamma.next();
            assertEquals("/thywill/gamma", notice.channel());
            assertEquals(Map.of("type", "undeployed", "reason", "removed"), notice.envelope());
            assertEquals(404, page(server, "gamma").statusCode());
            assertEquals(List.of("alpha"), ids(server));
            gamma.send("anyone there?");
            TestClient.Delivery error = gamma.next();
            assertEquals("error", error.type());
            assertEquals("unknown-application", ((Map<?, ?>) error.envelope().get("error")).get("code"));

            alpha.send("hi");
            assertEquals("alpha says hi", alpha.nextMessage(), "the other application is untouched");
            assertTrue(alpha.next(Duration.ofMillis(300)).isEmpty(), "and its connections are told nothing");
            assertLogged("INFO", "Undeployed 'gamma': gamma.jar was removed");
        }
    }

    @Test
    void aRemovedApplicationsServiceChannelGoesAndClientsCannotMakeItAgain() throws IOException {
        TestApplications.echo("gamma", "gamma says ").writeTo(apps.resolve("gamma.jar"));
        try (ThywillTestServer server = server().start();
             TestClient gamma = TestClient.connect(server, "gamma", Transport.WEBSOCKET)) {
            double unused = InputLimitsTest.channels(server);
            gamma.send("hi");
            assertEquals("gamma says hi", gamma.nextMessage());
            assertEquals(unused + 1, InputLimitsTest.channels(server), "sending made gamma's service channel");

            Files.delete(apps.resolve("gamma.jar"));
            assertEquals("undeployed", gamma.next().type());
            gamma.send("anyone there?");
            assertEquals("error", gamma.next().type());
            eventually("gamma's service channel to be swept", () -> InputLimitsTest.channels(server) == unused);
        }
    }

    @Test
    void aDroppedJarWhoseApplicationIsNotEnabledIsNotDeployed() {
        TestApplications.echo("alpha", "alpha says ").writeTo(apps.resolve("alpha.jar"));
        try (ThywillTestServer server = server("alpha").start()) {
            TestApplications.echo("gamma", "gamma says ").writeTo(apps.resolve("gamma.jar"));
            eventually("the jar to be looked at", () -> logText().contains(
                    "gamma.jar: its application 'gamma' is not in 'application.enabled' and is not deployed"));
            assertEquals(404, page(server, "gamma").statusCode());
            assertEquals(List.of("alpha"), ids(server));
        }
    }

    @Test
    void withWatchOffADroppedJarIsNotDeployed() throws InterruptedException {
        try (ThywillTestServer server = server().set("application", "watch", false).start()) {
            assertFalse(watchThreadRuns());
            TestApplications.echo("gamma", "gamma says ").writeTo(apps.resolve("gamma.jar"));
            Thread.sleep(1500); // five scan intervals: a watching server deploys it within two
            assertEquals(404, page(server, "gamma").statusCode());
            assertEquals(List.of(), ids(server));
        }
    }

    @Test
    void anApplicationsMigrationsRunBeforeItStartsThroughItsOwnClassLoader() {
        TestApplications.migrating("memo", "CREATE TABLE memo_notes (id INT PRIMARY KEY, text VARCHAR(100));\n"
                + "INSERT INTO memo_notes (id, text) VALUES (1, 'from the migration');\n")
                .writeTo(apps.resolve("memo.jar"));
        try (ThywillTestServer server = server().start()) {
            try (TestClient memo = TestClient.connect(server, "memo", Transport.WEBSOCKET)) {
                memo.send("read");
                assertEquals("from the migration", memo.nextMessage());
            }
        }
    }

    private static List<ApplicationInfo> applications(ThywillTestServer server) {
        return server.thywill().component(ApplicationInterface.class).applications();
    }

    private static List<String> ids(ThywillTestServer server) {
        return applications(server).stream().map(ApplicationInfo::id).toList();
    }

    private static HttpResponse<String> page(ThywillTestServer server, String id) {
        try {
            return HTTP.send(HttpRequest.newBuilder(server.uri().resolve("/thywill/init/" + id
                    + (id.isEmpty() ? "" : "/"))).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static boolean watchThreadRuns() {
        return threadRuns("thywill-apps-watch");
    }

    private static boolean threadRuns(String name) {
        return Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.isAlive() && t.getName().equals(name));
    }

    private String logText() {
        try {
            return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A line at {@code level} holding every one of {@code parts}. */
    private void assertLogged(String level, String... parts) {
        boolean found = logText().lines().anyMatch(line -> line.contains(" " + level + " ")
                && List.of(parts).stream().allMatch(line::contains));
        assertTrue(found, "No " + level + " line with " + List.of(parts) + " in the log:\n" + logText());
    }

    private void assertLoggedError(String... parts) {
        assertLogged("ERROR", parts);
    }

    private static void eventually(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Waited " + WAIT.toSeconds() + " s for " + what);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("Interrupted while waiting for " + what, e);
            }
        }
    }
}
