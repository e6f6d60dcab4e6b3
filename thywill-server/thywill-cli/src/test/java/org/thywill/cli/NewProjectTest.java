package org.thywill.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code thywill new} as a user runs it: the project it creates builds with Maven (offline, from the local
 * repository) and passes its own test; then {@code thywill apps} finds the built jar and {@code thywill run} serves
 * its page.
 */
class NewProjectTest {

    private static final Duration BUILD = Duration.ofMinutes(8);

    @Test
    @Timeout(value = 12, unit = TimeUnit.MINUTES)
    void theNewProjectBuildsPassesItsTestAndRuns(@TempDir Path folder) throws Exception {
        List<String> maven = maven().orElseThrow(() -> new AssertionError("Maven was found neither at the"
                + " repository's wrapper (system property thywill.mavenWrapper, set by this module's pom) nor on the"
                + " PATH (mvn), so the new project cannot be built: run this test through ./mvnw."));
        Path local = Path.of(System.getProperty("user.home"), ".m2", "repository", "org", "thywill",
                "thywill-test-support", ThywillCli.version());
        assertTrue(Files.isDirectory(local), () -> "The new project resolves Thywill " + ThywillCli.version() + " from"
                + " the local Maven repository, which lacks it (" + local + "): run ./mvnw install -DskipTests in"
                + " Thywill's repository first.");
        ThywillCliTest.Result created = ThywillCliTest.run("new", "hello-world", "-d", folder.toString());
        assertEquals(0, created.status(), created::err);
        Path project = folder.resolve("hello-world");
        assertTrue(Files.isRegularFile(project.resolve(
                "src/main/java/com/example/helloworld/HelloWorldApplication.java")));
        assertTrue(Files.readString(project.resolve("pom.xml")).contains("<thywill.version>" + ThywillCli.version()));

        List<String> command = new ArrayList<>(maven);
        command.addAll(List.of("-o", "-B", "package"));
        Process build = new ProcessBuilder(command).directory(project.toFile()).redirectErrorStream(true)
                .redirectOutput(folder.resolve("build.log").toFile()).start();
        if (!build.waitFor(BUILD.toMinutes(), TimeUnit.MINUTES)) {
            build.descendants().forEach(ProcessHandle::destroyForcibly);
            build.destroyForcibly();
            throw new AssertionError("The build did not end within " + BUILD + ": " + tail(folder.resolve("build.log")));
        }
        assertEquals(0, build.exitValue(), () -> "The new project did not build: " + tail(folder.resolve("build.log")));
        String report = Files.readString(project.resolve(
                "target/surefire-reports/com.example.helloworld.HelloWorldApplicationTest.txt"));
        assertTrue(report.contains("Tests run: 1, Failures: 0, Errors: 0, Skipped: 0"), report);

        ThywillCliTest.Result apps = ThywillCliTest.run("apps", "--folder", project.toString());
        assertEquals(0, apps.status(), apps::out);
        assertTrue(Pattern.compile("hello-world\\s+hello-world-1\\.0-SNAPSHOT\\.jar\\s+runs").matcher(apps.out())
                .find(), apps::out);

        servesThePage(project);
    }

    private static void servesThePage(Path project) throws Exception {
        CountDownLatch stop = new CountDownLatch(1);
        java.io.StringWriter out = new java.io.StringWriter();
        CommandLine line = new CommandLine(new RunCommand(stop));
        line.setOut(new java.io.PrintWriter(out, true));
        CompletableFuture<Integer> running = CompletableFuture.supplyAsync(() -> line.execute("--folder",
                project.toString(), "--port", "0"));
        try {
            Pattern serving = Pattern.compile("Serving (http://\\S+)");
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            Matcher m = serving.matcher("");
            while (System.nanoTime() < deadline && !running.isDone() && !(m = serving.matcher(out.toString())).find()) {
                Thread.sleep(100);
            }
            assertTrue(m.find(0), () -> "thywill run did not serve: " + out);
            HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(m.group(1)).resolve("/thywill/init/hello-world/")).timeout(Duration.ofSeconds(30))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, page.statusCode());
            assertTrue(page.body().contains("<h1>Hello world</h1>"), page::body);
        } finally {
            stop.countDown();
            assertEquals(0, running.get(60, TimeUnit.SECONDS));
        }
    }

    /** Maven: this repository's wrapper (the Maven the build pins), else {@code mvn} on the PATH. */
    private static Optional<List<String>> maven() {
        String wrapper = System.getProperty("thywill.mavenWrapper");
        if (wrapper != null && Files.isExecutable(Path.of(wrapper))) {
            return Optional.of(List.of(wrapper));
        }
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "mvn"))) {
                return Optional.of(List.of(Path.of(dir, "mvn").toString()));
            }
        }
        return Optional.empty();
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(no build log: " + e.getMessage() + ")";
        }
    }
}
