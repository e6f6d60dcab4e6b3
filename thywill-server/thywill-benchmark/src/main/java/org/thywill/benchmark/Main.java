package org.thywill.benchmark;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import org.thywill.benchmark.client.LoadRun;
import org.thywill.benchmark.compare.Comparison;
import org.thywill.benchmark.compare.NodeSide;
import org.thywill.benchmark.report.ComparisonTable;
import org.thywill.benchmark.report.Report;
import org.thywill.benchmark.report.ReportFormat;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The benchmark's command line, read by picocli: one run against a running server ({@code --url}), or the same run
 * against freshly launched servers side by side ({@code --compare thywill,cometd,socketio}). See
 * documentation/benchmarks.md.
 */
@Command(name = "java -jar thywill-benchmark.jar", sortOptions = false, usageHelpWidth = 110,
        description = "Loads a server with clients and reports throughput, latency percentiles and CPU.")
public final class Main implements Callable<Integer> {

    @Option(names = "--help", usageHelp = true, description = "Show this help.")
    private boolean help;

    @Option(names = "--compare", split = ",", paramLabel = "SERVER", description = "Launch each server (such as"
            + " thywill,cometd,socketio) in its own process and run against each in turn; thywill-redis is two"
            + " Thywill nodes over Redis, the clients dealt over both.")
    private List<String> compare;

    @Mixin
    private RunOptions run;

    @Option(names = "--server-jvm", defaultValue = "", paramLabel = "\"...\"", description = "JVM options for"
            + " launched Java servers, e.g. \"-XX:StartFlightRecording=...\".")
    private String serverJvm;

    @Option(names = "--cometd-options", defaultValue = "", paramLabel = "\"--json jackson --max-threads 64\"",
            description = "Depart from the baseline's defaults, to measure a candidate default (the reports then"
                    + " compare with that).")
    private String cometdOptions;

    @Option(names = "--node-workers", paramLabel = "N", defaultValue = "2", description = "Processes of the Socket.IO load client"
            + " (default ${DEFAULT-VALUE}).")
    private int nodeWorkers;

    @Option(names = "--node-dir", paramLabel = "DIR", description = "The Socket.IO server and client (default:"
            + " node/ beside this jar).")
    private Path nodeDir;

    @Option(names = "--log-dir", paramLabel = "DIR", description = "Where launched servers' output goes (default:"
            + " benchmark-logs/ beside this jar).")
    private Path logDir;

    @Option(names = "--redis", defaultValue = "redis://127.0.0.1:6379", paramLabel = "URI", description = "The"
            + " Redis of thywill-redis's nodes (default ${DEFAULT-VALUE}); the run uses keys of its own and removes"
            + " them.")
    private String redis;

    private Main() {
    }

    /**
     * @param args the options above; {@code --help} lists them
     */
    public static void main(String[] args) {
        System.exit(new CommandLine(new Main()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        try {
            if (compare != null) {
                compare();
            } else {
                Report report = LoadRun.run(run.settings(null));
                System.out.print(ReportFormat.text(report));
                System.out.println(ReportFormat.json(report));
            }
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            return 2;
        }
        return 0;
    }

    private void compare() throws Exception {
        List<ServerKind> kinds = new ArrayList<>();
        for (String name : compare) {
            kinds.add(ServerKind.of(name.trim()));
        }
        RunSettings settings = run.settings(URI.create("http://127.0.0.1/"));
        Path beside = besideThisCode();
        Comparison comparison = new Comparison(kinds, words(serverJvm), words(cometdOptions),
                new NodeSide(nodeDir != null ? nodeDir : beside.resolve("node"),
                        OptionValues.within("--node-workers", nodeWorkers, 1, 16)),
                logDir != null ? logDir : beside.resolve("benchmark-logs"), redis);
        List<Report> reports = comparison.run(settings);
        System.out.println();
        System.out.print(ComparisonTable.markdown(reports));
    }

    private static List<String> words(String text) {
        return text.isBlank() ? List.of() : Arrays.asList(text.trim().split("\\s+"));
    }

    /** @return the folder holding this jar (or this class folder): the module's target/ */
    private static Path besideThisCode() throws URISyntaxException {
        Path code = Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        return code.getParent();
    }
}
