package org.thywill.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A real nginx (Debian's {@code nginx-light}, at {@code THYWILL_NGINX} or {@code /usr/sbin/nginx}) in front of
 * test servers, run with the project's own {@code config/nginx-cluster.conf}: only its {@code listen} port and its
 * upstream servers' addresses are changed. It runs in the foreground as a child process, with its prefix, pid file,
 * logs and temporary files in a folder of its own. Always {@link #close()} it.
 */
public final class TestNginx implements AutoCloseable {

    private static final Pattern SERVER = Pattern.compile("(?m)^(\\s*)server\\s+thywill-\\d+:8080(\\s+[^;]*)?;\\s*\n");
    private static final Pattern LISTEN = Pattern.compile("(?m)^(\\s*)listen\\s+80;");

    private final Process process;
    private final Path prefix;
    private final int port;

    private TestNginx(Process process, Path prefix, int port) {
        this.process = process;
        this.prefix = prefix;
        this.port = port;
    }

    /**
     * @param projectFile the project's {@code config/nginx-cluster.conf}
     * @param backends the nodes' ports on 127.0.0.1, in place of the file's {@code thywill-N:8080}
     * @return nginx, answering on {@link #uri()}
     */
    public static TestNginx start(Path projectFile, List<Integer> backends) {
        String nginx = System.getenv().getOrDefault("THYWILL_NGINX", "/usr/sbin/nginx");
        if (!Files.isExecutable(Path.of(nginx))) {
            throw new IllegalStateException("This test needs nginx at " + nginx + ": install Debian's nginx-light"
                    + " (.ci/run does), or set THYWILL_NGINX.");
        }
        try {
            Path prefix = Files.createTempDirectory("thywill-nginx-");
            int port = freePort();
            Files.writeString(prefix.resolve("cluster.conf"), adapt(Files.readString(projectFile), port, backends));
            Files.writeString(prefix.resolve("nginx.conf"), String.join("\n",
                    "# Written by " + TestNginx.class.getSimpleName() + ": the http block around the project's file.",
                    "pid " + prefix.resolve("nginx.pid") + ";",
                    "error_log " + prefix.resolve("error.log") + " info;",
                    "worker_processes 1;",
                    "events { worker_connections 256; }",
                    "http {",
                    "    access_log " + prefix.resolve("access.log") + ";",
                    "    client_body_temp_path " + prefix.resolve("client_body") + ";",
                    "    proxy_temp_path " + prefix.resolve("proxy") + ";",
                    "    include " + prefix.resolve("cluster.conf") + ";",
                    "}", ""), StandardCharsets.UTF_8);
            Process process = new ProcessBuilder(nginx, "-p", prefix.toString(), "-c",
                    prefix.resolve("nginx.conf").toString(), "-e", prefix.resolve("error.log").toString(),
                    "-g", "daemon off; master_process off;")
                    .redirectErrorStream(true)
                    .redirectOutput(prefix.resolve("stdout.txt").toFile())
                    .start();
            TestNginx started = new TestNginx(process, prefix, port);
            started.awaitListening();
            return started;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the project's file with only the listen port and the upstream servers' addresses changed */
    static String adapt(String file, int port, List<Integer> backends) {
        Matcher servers = SERVER.matcher(file);
        if (!servers.find()) {
            throw new IllegalStateException("No 'server thywill-N:8080 ...;' line in the nginx file:\n" + file);
        }
        String indent = servers.group(1);
        String options = servers.group(2) == null ? "" : servers.group(2);
        String replaced = backends.stream()
                .map(p -> indent + "server 127.0.0.1:" + p + options + ";\n")
                .collect(Collectors.joining());
        String withServers = SERVER.matcher(file).replaceFirst(Matcher.quoteReplacement(replaced))
                .replaceAll(SERVER.pattern(), "");
        Matcher listen = LISTEN.matcher(withServers);
        if (!listen.find()) {
            throw new IllegalStateException("No 'listen 80;' line in the nginx file:\n" + file);
        }
        return listen.replaceFirst("$1listen 127.0.0.1:" + port + ";");
    }

    private void awaitListening() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("nginx exited with code " + process.exitValue() + ":\n" + log());
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                sleep();
            }
        }
        throw new IllegalStateException("nginx did not listen on " + port + " within 10 s:\n" + log());
    }

    private static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** @return the port nginx listens on, on 127.0.0.1 */
    public int port() {
        return port;
    }

    /** @return nginx's base URI */
    public URI uri() {
        return URI.create("http://127.0.0.1:" + port + "/");
    }

    /** @return nginx's error log and output, for failure messages */
    public String log() {
        StringBuilder out = new StringBuilder();
        for (String name : List.of("stdout.txt", "error.log")) {
            try {
                Path file = prefix.resolve(name);
                if (Files.exists(file)) {
                    out.append("----- nginx ").append(name).append(" -----\n").append(Files.readString(file));
                }
            } catch (IOException e) {
                out.append("(cannot read ").append(name).append(")\n");
            }
        }
        return out.toString();
    }

    @Override
    public void close() {
        TestProcesses.stop(process, Duration.ofSeconds(5));
    }
}
