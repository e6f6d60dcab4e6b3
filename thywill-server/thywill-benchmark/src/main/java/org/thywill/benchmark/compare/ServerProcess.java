package org.thywill.benchmark.compare;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.thywill.benchmark.ServerKind;
import org.thywill.benchmark.server.ServerLauncher;

/**
 * A server under test in a process of its own (a JVM for Thywill and the CometD baseline, Node for Socket.IO), on
 * a free loopback port, so that its CPU and memory are its own. Its output goes to a log file. Closing it stops
 * the process; so does this JVM's exit.
 */
public final class ServerProcess implements AutoCloseable {

    private static final long START_TIMEOUT_MILLIS = 60_000;

    private final Process process;
    private final int port;
    private final long startMillis;
    private final Thread killer;

    private ServerProcess(Process process, int port, long startMillis, Thread killer) {
        this.process = process;
        this.port = port;
        this.startMillis = startMillis;
        this.killer = killer;
    }

    /**
     * Starts the server and waits until its port accepts connections.
     *
     * @param kind which server
     * @param jvmOptions options for a Java server's JVM (for example {@code -XX:StartFlightRecording=...})
     * @param launcherOptions options for {@link ServerLauncher} after the server, port and lifetime
     * @param nodeDir the folder holding the Socket.IO server, its packages installed
     * @param log the file its output goes to
     * @return the running server
     * @throws IOException when it cannot be started or does not accept connections within 60 s
     * @throws InterruptedException when interrupted while waiting
     */
    public static ServerProcess launch(ServerKind kind, List<String> jvmOptions, List<String> launcherOptions,
                                       Path nodeDir, Path log)
            throws IOException, InterruptedException {
        int port = freePort();
        List<String> command = new ArrayList<>();
        if (kind.isBayeux()) {
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(jvmOptions);
            command.add("-cp");
            command.add(System.getProperty("java.class.path"));
            command.add(ServerLauncher.class.getName());
            command.addAll(List.of("--server", kind.label(), "--port", String.valueOf(port), "--lifetime", "30m"));
            command.addAll(launcherOptions);
        } else {
            command.addAll(List.of("node", "--expose-gc", nodeDir.resolve("server.js").toString(),
                    "--port", String.valueOf(port), "--lifetime", "1800"));
        }
        Files.createDirectories(log.toAbsolutePath().getParent());
        long began = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        Thread killer = new Thread(process::destroyForcibly, "benchmark-server-kill");
        Runtime.getRuntime().addShutdownHook(killer);
        long deadline = began + TimeUnit.MILLISECONDS.toNanos(START_TIMEOUT_MILLIS);
        while (!accepts(port)) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                process.destroyForcibly();
                throw new IOException("The " + kind.label() + " server did not start; see " + log + ":\n"
                        + tail(log));
            }
            Thread.sleep(2);
        }
        long startMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began);
        return new ServerProcess(process, port, startMillis, killer);
    }

    /** @return the server's base address */
    public URI uri() {
        return URI.create("http://127.0.0.1:" + port + "/");
    }

    /** @return the process id, for jcmd or JFR */
    public long pid() {
        return process.pid();
    }

    /** @return from launching the process to its port accepting a connection */
    public long startMillis() {
        return startMillis;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(killer);
        } catch (IllegalStateException e) {
            // already shutting down
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 100);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }
}
