package org.thywill.benchmark.compare;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.util.ajax.JSON;
import org.thywill.benchmark.RunSettings;
import org.thywill.benchmark.report.Report;

/**
 * The Socket.IO side: installs the pinned packages of {@code package-lock.json} with {@code npm ci} when they are
 * missing, and runs the Node load client ({@code load.js}) with the same settings as the Java one, reading its
 * report.
 */
public final class NodeSide {

    private final Path folder;
    private final int workers;

    /**
     * @param folder the folder holding {@code package.json}, {@code server.js} and {@code load.js}
     * @param workers the load client's processes: one Node process is one thread, and cannot both send and
     *        receive at the rates one Java client process can
     */
    public NodeSide(Path folder, int workers) {
        this.folder = folder;
        this.workers = workers;
    }

    /** @return the folder */
    public Path folder() {
        return folder;
    }

    /**
     * Runs {@code npm ci} unless socket.io and socket.io-client are installed.
     *
     * @throws IOException when npm fails
     * @throws InterruptedException when interrupted
     */
    public void install() throws IOException, InterruptedException {
        if (!Files.isRegularFile(folder.resolve("load.js"))) {
            throw new IOException("No Socket.IO benchmark in " + folder + "; build the module first, or name the"
                    + " folder with --node-dir.");
        }
        if (Files.isDirectory(folder.resolve("node_modules/socket.io"))
                && Files.isDirectory(folder.resolve("node_modules/socket.io-client"))) {
            return;
        }
        System.err.println("Installing socket.io and socket.io-client in " + folder + " (npm ci)");
        Process npm = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund", "--loglevel=error")
                .directory(folder.toFile()).inheritIO().start();
        if (!npm.waitFor(5, TimeUnit.MINUTES) || npm.exitValue() != 0) {
            npm.destroyForcibly();
            throw new IOException("npm ci failed in " + folder);
        }
    }

    /**
     * @param settings the run's settings
     * @param server the Socket.IO server's address
     * @return the Node client's report
     * @throws IOException when the client fails or gives no report
     * @throws InterruptedException when interrupted
     */
    public Report load(RunSettings settings, URI server) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("node", folder.resolve("load.js").toString(),
                "--url", server.toString().replaceAll("/$", ""),
                "--scenario", settings.scenario().label(),
                "--transport", settings.transport().label(),
                "--clients", String.valueOf(settings.clients()),
                "--ramp", String.valueOf(settings.ramp().toMillis()),
                "--warmup", String.valueOf(settings.warmup().toMillis()),
                "--hold", String.valueOf(settings.hold().toMillis()),
                "--rate", String.valueOf(settings.rate()),
                "--size", String.valueOf(settings.size()),
                "--rooms", String.valueOf(settings.rooms()),
                "--concurrency", String.valueOf(settings.concurrency()),
                "--workers", String.valueOf(workers)));
        Process node = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        Report report = null;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(node.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.startsWith("REPORT ")) {
                    report = Report.fromMap((Map<?, ?>) new JSON().fromJSON(line.substring("REPORT ".length())));
                } else {
                    System.err.println(line);
                }
            }
        } finally {
            if (!node.waitFor(30, TimeUnit.SECONDS)) {
                node.destroyForcibly();
            }
        }
        if (report == null) {
            throw new IOException("The Socket.IO load client gave no report (exit status " + node.exitValue() + ")");
        }
        return report;
    }
}
