package org.thywill.benchmark.server;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.thywill.benchmark.app.BenchmarkApplication;
import org.thywill.kernel.Thywill;
import org.thywill.kernel.ThywillSettings;

/**
 * Thywill as the benchmark measures it: every default setting, except the address, the connection caps (off: every
 * client of a run comes from the load generator's one address, up to 20,000 of them) and the applications taken
 * from the class path (echo, the default, and the benchmark application); for a two-node run, the Push
 * {@code redis} too.
 */
public final class ThywillBenchmarkServer {

    private ThywillBenchmarkServer() {
    }

    /**
     * @param host the address to listen on
     * @param port the port, 0 for a free one
     * @param home Thywill's home folder (its H2 database and log file go there, as in the distribution)
     * @param environment {@code THYWILL_*} variables that override defaults, to try a tuning without a rebuild
     * @return the running server; close it to stop
     */
    public static Thywill start(String host, int port, Path home, Map<String, String> environment) {
        return Thywill.start(builder(host, port, home, environment).build());
    }

    /**
     * One node of a cluster: the same, with the Push {@code redis}.
     *
     * @param host the address to listen on
     * @param port the port, 0 for a free one
     * @param home Thywill's home folder
     * @param environment {@code THYWILL_*} variables that override defaults
     * @param redis the Redis every node shares, such as {@code redis://127.0.0.1:6379}
     * @param keyPrefix the cluster's key prefix, the same on every node
     * @param nodeId this node's id
     * @return the running node; close it to stop
     */
    public static Thywill startNode(String host, int port, Path home, Map<String, String> environment,
                                    String redis, String keyPrefix, String nodeId) {
        return Thywill.start(builder(host, port, home, environment)
                .set("push", "implementation", "redis")
                .set("push", "uri", redis)
                .set("push", "keyPrefix", keyPrefix)
                .set("push", "nodeId", nodeId)
                .build());
    }

    private static ThywillSettings.Builder builder(String host, int port, Path home,
                                                   Map<String, String> environment) {
        return ThywillSettings.builder()
                .home(home)
                .environment(environment)
                .set("server", "host", host)
                .set("server", "port", port)
                .set("clientInterface", "maxConnections", 0)
                .set("clientInterface", "maxConnectionsPerAddress", 0)
                .set("application", "implementation", "classpath")
                .set("application", "enabled", List.of("echo", BenchmarkApplication.ID));
    }
}
