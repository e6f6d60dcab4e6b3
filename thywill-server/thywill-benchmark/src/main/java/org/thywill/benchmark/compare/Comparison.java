package org.thywill.benchmark.compare;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.thywill.benchmark.RunSettings;
import org.thywill.benchmark.ServerKind;
import org.thywill.benchmark.client.LoadRun;
import org.thywill.benchmark.report.Report;
import org.thywill.benchmark.report.ReportFormat;

/**
 * The same run against each kind of server in turn, each freshly started in a process of its own and stopped
 * after its run, so that the reports of one invocation compare like with like. {@code thywill-redis} is two
 * Thywill processes sharing a Redis under a key prefix of the run's own, removed afterwards.
 *
 * @param kinds the servers, in the order run
 * @param jvmOptions options for the Java servers' JVMs
 * @param cometdOptions launcher options for the CometD baseline, to measure a candidate default (see
 *        {@code BaselineTuning}); empty for the defaults
 * @param node the Socket.IO side
 * @param logs the folder the servers' output goes to
 * @param redis the Redis the nodes of {@code thywill-redis} share
 */
public record Comparison(List<ServerKind> kinds, List<String> jvmOptions, List<String> cometdOptions, NodeSide node,
                         Path logs, String redis) {

    /** The nodes of a {@code thywill-redis} run. */
    private static final int NODES = 2;

    /** Pause between runs, so one server's closing sockets and the generator's garbage do not reach the next. */
    private static final long PAUSE_MILLIS = 3000;

    /**
     * @param settings the run, whose server and address are replaced for each kind
     * @return one report per kind whose run completed (a failure is printed, and the next kind runs)
     * @throws Exception when the Socket.IO packages cannot be installed
     */
    public List<Report> run(RunSettings settings) throws Exception {
        if (kinds.contains(ServerKind.SOCKETIO)) {
            node.install();
        }
        List<Report> reports = new ArrayList<>();
        for (ServerKind kind : kinds) {
            if (kind != kinds.get(0)) {
                System.gc();
                Thread.sleep(PAUSE_MILLIS);
            }
            String keyPrefix = "thywill-bench-" + UUID.randomUUID().toString().substring(0, 8);
            List<ServerProcess> servers = new ArrayList<>();
            try {
                int count = kind == ServerKind.THYWILL_REDIS ? NODES : 1;
                for (int i = 1; i <= count; i++) {
                    Path log = logs.resolve(kind.label() + (count > 1 ? "-node-" + i : "") + "-"
                            + settings.scenario().label() + "-" + settings.transport().label() + ".log");
                    System.err.printf("Starting the %s server (output in %s)%n", kind.label(), log);
                    List<String> options = switch (kind) {
                        case COMETD -> withAck(cometdOptions, settings.acknowledge());
                        case THYWILL_REDIS -> List.of("--redis", redis, "--key-prefix", keyPrefix,
                                "--node-id", "node-" + i);
                        default -> List.of();
                    };
                    servers.add(ServerProcess.launch(kind, jvmOptions, options, node.folder(), log));
                }
                ServerProcess first = servers.get(0);
                System.err.printf("%s accepts connections after %d ms (pid %d); running %s over %s with %d clients%s%n",
                        kind.label(), first.startMillis(), first.pid(), settings.scenario().label(),
                        settings.transport().label(), settings.clients(),
                        settings.acknowledge() && kind.isThywill() ? " (acknowledging, as browsers do)" : "");
                RunSettings against = settings.against(kind, servers.stream().map(ServerProcess::uri).toList());
                Report report = kind.isBayeux() ? LoadRun.run(against) : node.load(against, first.uri());
                report = report.withStartMillis(first.startMillis());
                System.out.print(ReportFormat.text(report));
                System.out.println(ReportFormat.json(report));
                reports.add(report);
            } catch (Exception e) {
                // One server failing under load is a result too; the others still run.
                System.out.printf("The %s run failed: %s%n", kind.label(), e);
            } finally {
                servers.forEach(ServerProcess::close);
                if (kind == ServerKind.THYWILL_REDIS) {
                    RedisKeys.delete(redis, keyPrefix);
                }
            }
        }
        return reports;
    }

    /** Acknowledging clients meet a baseline with CometD's acknowledge extension, as browsers' clients would. */
    private static List<String> withAck(List<String> options, boolean acknowledge) {
        if (!acknowledge || options.contains("--ack")) {
            return options;
        }
        List<String> all = new ArrayList<>(options);
        all.addAll(List.of("--ack", "yes"));
        return all;
    }
}
