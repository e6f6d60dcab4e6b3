package org.thywill.distribution;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
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
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.thywill.testing.TestProcesses;

/**
 * The packaged server ({@code target/thywill/thywill.jar}) run as a child process, exactly as a user starts it,
 * with its output in files of a test's temporary folder. Always {@link #close()} it: that stops the process.
 */
final class DistributionProcess implements AutoCloseable {

    /** How long a start may take before the test fails with the server's output. */
    static final Duration START_TIMEOUT = Duration.ofSeconds(30);

    private final Process process;
    private final Path stdout;
    private final Path stderr;
    private final int port;
    private final long startedNanos;
    private final Thread killer;
    private Duration untilPortAnswered;
    private Duration untilPageAnswered;

    private DistributionProcess(Process process, Path stdout, Path stderr, int port, long startedNanos) {
        this.process = process;
        this.stdout = stdout;
        this.stderr = stderr;
        this.port = port;
        this.startedNanos = startedNanos;
        // Should the test JVM end without reaching close(), the server must not outlive it holding its port.
        this.killer = new Thread(process::destroyForcibly, "kill-thywill-" + process.pid());
        Runtime.getRuntime().addShutdownHook(killer);
    }

    /** @return the folder the build assembled: thywill.jar, lib/, apps/, config/ */
    static Path home() {
        Path home = Path.of(System.getProperty("thywill.distribution", "target/thywill")).toAbsolutePath();
        if (!Files.isRegularFile(home.resolve("thywill.jar"))) {
            throw new IllegalStateException("No distribution at " + home + ": run these tests with ./mvnw verify,"
                    + " which packages it first.");
        }
        return home;
    }

    /** @return a loopback port nothing listens on right now */
    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes a complete settings file for a server on 127.0.0.1 with its database and log in {@code folder}.
     *
     * @param folder where the file, the database and the log go
     * @param port the port to listen on
     * @param database the {@code database} section's YAML flow mapping, or null for an H2 file in {@code folder}
     * @param extraServerKeys more {@code server} keys, as YAML {@code key: value} pairs joined by commas, or ""
     * @return the settings file
     */
    static Path writeSettings(Path folder, int port, String database, String extraServerKeys) {
        String db = database != null ? database
                : "{implementation: h2, file: " + quote(folder.resolve("thywill").toString()) + "}";
        String server = "{host: 127.0.0.1, port: " + port + (extraServerKeys.isEmpty() ? "" : ", " + extraServerKeys)
                + "}";
        String yaml = String.join("\n",
                "# Written by " + DistributionProcess.class.getSimpleName() + " for one test.",
                "server: " + server,
                "log: {implementation: logback, level: INFO, file: "
                        + quote(folder.resolve("thywill.log").toString()) + "}",
                "database: " + db,
                "clientInterface: {implementation: cometd, websocket: true}",
                "push: {implementation: cometd}",
                "application: {implementation: jar, folder: apps, enabled: [echo, chat]}",
                "");
        Path file = folder.resolve("thywill.yml");
        try {
            Files.writeString(file, yaml, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /** @return the text as a double-quoted YAML scalar */
    static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /**
     * Starts {@code java -jar thywill.jar [settingsFile]} in {@code folder}, with no inherited {@code THYWILL_*}
     * variable, and returns at once (see {@link #awaitServing()}).
     *
     * @param folder the working folder, which also receives the process's output
     * @param settingsFile the single command-line argument, or null for the distribution's config/thywill.yml
     * @param port the port the settings make it listen on, for {@link #uri()}
     * @param environment variables to set, such as {@code THYWILL_SERVER_PORT}
     * @return the started process
     */
    static DistributionProcess start(Path folder, Path settingsFile, int port, Map<String, String> environment) {
        return start(new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", home().resolve("thywill.jar").toString())), folder, settingsFile, port, environment);
    }

    /**
     * Starts {@code bin/thywill-server [settingsFile]} in {@code folder}, as {@link #start} starts the jar; the
     * script runs {@code $JAVA_HOME/bin/java}, else the {@code java} of the PATH, so both name this JVM's.
     *
     * @param folder the working folder, which also receives the process's output
     * @param settingsFile the single command-line argument
     * @param port the port the settings make it listen on
     * @return the started process
     */
    static DistributionProcess startScript(Path folder, Path settingsFile, int port) {
        String path = Path.of(System.getProperty("java.home"), "bin") + java.io.File.pathSeparator
                + System.getenv().getOrDefault("PATH", "");
        return start(new ArrayList<>(List.of(home().resolve("bin").resolve("thywill-server").toString())), folder,
                settingsFile, port, Map.of("PATH", path, "JAVA_HOME", System.getProperty("java.home")));
    }

    private static DistributionProcess start(List<String> command, Path folder, Path settingsFile, int port,
                                             Map<String, String> environment) {
        if (settingsFile != null) {
            command.add(settingsFile.toString());
        }
        Path out = folder.resolve("stdout.txt");
        Path err = folder.resolve("stderr.txt");
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(folder.toFile())
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(nullDevice()));
        builder.environment().keySet().removeIf(name -> name.startsWith("THYWILL_"));
        builder.environment().putAll(environment);
        long began = System.nanoTime();
        try {
            return new DistributionProcess(builder.start(), out, err, port, began);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot run " + command, e);
        }
    }

    private static java.io.File nullDevice() {
        return new java.io.File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
    }

    /**
     * Waits until {@code GET /thywill/init/} answers 200, at most {@link #START_TIMEOUT}.
     *
     * @return this
     * @throws AssertionError with the process's output when it exits or does not answer in time
     */
    DistributionProcess awaitServing() {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        long deadline = startedNanos + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("Thywill exited with code " + process.exitValue()
                        + " before serving.\n" + output());
            }
            if (untilPortAnswered == null && portAccepts()) {
                untilPortAnswered = Duration.ofNanos(System.nanoTime() - startedNanos);
            }
            if (untilPortAnswered != null && pageAnswers(http)) {
                untilPageAnswered = Duration.ofNanos(System.nanoTime() - startedNanos);
                System.out.printf("Thywill process start: port %d accepted connections after %d ms, "
                                + "GET /thywill/init/ answered 200 after %d ms%n",
                        port, untilPortAnswered.toMillis(), untilPageAnswered.toMillis());
                return this;
            }
            sleep(100);
        }
        throw new AssertionError("Thywill did not answer GET " + uri().resolve("/thywill/init/") + " within "
                + START_TIMEOUT.toSeconds() + " s.\n" + output());
    }

    private boolean portAccepts() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private boolean pageAnswers(HttpClient http) {
        try {
            HttpResponse<Void> response = http.send(HttpRequest.newBuilder(uri().resolve("/thywill/init/"))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted while waiting for Thywill", e);
        }
    }

    /**
     * @param timeout how long to wait
     * @return the exit code
     * @throws AssertionError with the output if the process is still running after {@code timeout}
     */
    int awaitExit(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError("Thywill was still running after " + timeout.toSeconds() + " s.\n"
                        + output());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted while waiting for Thywill to exit", e);
        }
        return process.exitValue();
    }

    /** @return the running process's command line, as the operating system reports it */
    String commandLine() {
        return process.info().commandLine().orElse("");
    }

    /** @return the base URI, on 127.0.0.1 */
    URI uri() {
        return URI.create("http://127.0.0.1:" + port + "/");
    }

    /** @return the time from starting the process until its port accepted a connection */
    Duration untilPortAnswered() {
        return untilPortAnswered;
    }

    /** @return the time from starting the process until {@code GET /thywill/init/} answered 200 */
    Duration untilPageAnswered() {
        return untilPageAnswered;
    }

    /** @return what the process wrote to standard output so far */
    String stdout() {
        return read(stdout);
    }

    /** @return what the process wrote to standard error so far */
    String stderr() {
        return read(stderr);
    }

    /** @return both outputs, labelled, for failure messages */
    String output() {
        return "----- standard output -----\n" + stdout() + "\n----- standard error -----\n" + stderr();
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "(cannot read " + file + ": " + e.getMessage() + ")";
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted while waiting for Thywill", e);
        }
    }

    /** Kills the process with SIGKILL, as a crash would: no shutdown hook runs, nothing is written or said. */
    void kill() {
        process.destroyForcibly();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                throw new AssertionError("Thywill was still running 10 s after SIGKILL");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted while killing Thywill", e);
        }
    }

    /** Sends the process SIGTERM, as a process manager's stop does, and returns at once. */
    void terminate() {
        process.destroy();
    }

    /** Stops the server as Ctrl-C would (its shutdown hook runs), and kills it if it has not exited in 10 s. */
    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(killer);
        } catch (IllegalStateException alreadyShuttingDown) {
            // the hook runs anyway
        }
        if (process.isAlive()) {
            TestProcesses.stop(process, Duration.ofSeconds(10));
        }
    }
}
