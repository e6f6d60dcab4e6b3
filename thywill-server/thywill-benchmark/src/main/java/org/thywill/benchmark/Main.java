package org.thywill.benchmark;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.thywill.benchmark.client.LoadRun;
import org.thywill.benchmark.compare.Comparison;
import org.thywill.benchmark.compare.NodeSide;
import org.thywill.benchmark.report.ComparisonTable;
import org.thywill.benchmark.report.Report;
import org.thywill.benchmark.report.ReportFormat;

/**
 * The benchmark's command line: one run against a running server ({@code --url}), or the same run against
 * freshly launched servers side by side ({@code --compare thywill,cometd,socketio}). See
 * documentation/benchmarks.md.
 */
public final class Main {

    private static final String USAGE = """
            Usage: java -jar thywill-benchmark.jar [options]
              --compare thywill,cometd,socketio  launch each server in its own process and run against each in turn;
                                   thywill-redis is two Thywill nodes over Redis, the clients dealt over both
              --url http://127.0.0.1:8080        or run against a server already running here (loopback only)
              --server thywill|cometd            the kind of server at --url (default thywill)
              --scenario echo|broadcast|rooms|connect-storm   (default echo)
              --transport websocket|long-polling              (default websocket)
              --clients N          clients to connect (default 1000, at most 20000)
              --ramp 10s           time over which they connect
              --warmup 5s          load before measuring
              --hold 30s           measured load (connect storm: the most time the storm may take)
              --rate N             echo: round trips started per second, 0 = each client sends again on its
                                   reply (default one per client per second); broadcast and rooms: messages
                                   published per second (default 10, and 10 per room)
              --size 50            filler bytes per message
              --rooms 10           rooms in the rooms scenario
              --concurrency 200    handshakes in flight at once
              --client-threads 32  the thread pool every client shares
              --acknowledge no     yes: clients acknowledge as the browser library does: Thywill's ask for
                                   numbered delivery and acknowledge what they handle, and every Bayeux client
                                   uses CometD's acknowledge extension (the baseline then has it too)
              --server-jvm "..."   JVM options for launched Java servers, e.g. "-XX:StartFlightRecording=..."
              --cometd-options "--json jackson --max-threads 64"   depart from the baseline's defaults, to
                                   measure a candidate default (the reports then compare with that)
              --node-workers 2     processes of the Socket.IO load client
              --node-dir DIR       the Socket.IO server and client (default: node/ beside this jar)
              --log-dir DIR        where launched servers' output goes (default: benchmark-logs/ beside this jar)
              --redis URI          the Redis of thywill-redis's nodes (default redis://127.0.0.1:6379); the run
                                   uses keys of its own and removes them
            """;

    private Main() {
    }

    /**
     * @param args the options above
     * @throws Exception when a run fails
     */
    public static void main(String[] args) throws Exception {
        Arguments arguments;
        try {
            arguments = Arguments.parse(args);
            Set<String> known = new HashSet<>(RunSettings.OPTIONS);
            known.addAll(Set.of("compare", "server-jvm", "cometd-options", "node-workers", "node-dir", "log-dir",
                    "redis"));
            arguments.rejectUnknown(known);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage() + "\n\n" + USAGE);
            System.exit(2);
            return;
        }
        if (arguments.has("help")) {
            System.out.print(USAGE);
            return;
        }
        try {
            if (arguments.has("compare")) {
                compare(arguments);
            } else {
                Report report = LoadRun.run(RunSettings.from(arguments, null));
                System.out.print(ReportFormat.text(report));
                System.out.println(ReportFormat.json(report));
            }
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
        }
        System.exit(0);
    }

    private static void compare(Arguments arguments) throws Exception {
        List<ServerKind> kinds = new ArrayList<>();
        for (String name : arguments.text("compare", "").split(",")) {
            kinds.add(ServerKind.of(name.trim()));
        }
        RunSettings settings = RunSettings.from(arguments, URI.create("http://127.0.0.1/"));
        Path beside = besideThisCode();
        Comparison comparison = new Comparison(kinds, words(arguments.text("server-jvm", "")),
                words(arguments.text("cometd-options", "")),
                new NodeSide(Path.of(arguments.text("node-dir", beside.resolve("node").toString())),
                        arguments.integer("node-workers", 2, 1, 16)),
                Path.of(arguments.text("log-dir", beside.resolve("benchmark-logs").toString())),
                arguments.text("redis", "redis://127.0.0.1:6379"));
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
