package org.thywill.apps.admin;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.thywill.api.admin.ApplicationState;
import org.thywill.api.admin.ChannelState;
import org.thywill.api.admin.ClusterAdmin;
import org.thywill.api.admin.ComponentState;
import org.thywill.api.admin.NodeState;
import org.thywill.api.admin.ServerView;
import org.thywill.api.auth.User;
import org.thywill.api.client.Connection;
import org.thywill.api.client.SessionId;
import org.thywill.api.presence.PresentSession;

/**
 * Turns the server's view into the JSON tree the console's page shows. Session and connection ids never leave the
 * server: the page gets their fingerprints.
 */
final class Snapshot {

    /** The most connections sent to the page at once; the page says how many there are in all. */
    static final int MAX_CONNECTIONS = 500;

    private Snapshot() {
    }

    static Map<String, Object> of(ServerView view, History history) {
        Map<String, Object> tree = new LinkedHashMap<>();
        List<ComponentState> components = view.components();
        tree.put("nodes", nodes(view.node(), components, view.cluster()));
        tree.put("components", components.stream().map(c -> map("slot", c.slot().key(), "implementation",
                c.implementation(), "up", c.health().up(), "detail", c.health().detail())).toList());
        List<Map<String, Object>> applications = new ArrayList<>();
        for (ApplicationState a : view.applications()) {
            double[] rate = history.rate(a.id());
            applications.add(map("id", a.id(), "title", a.title(), "source", a.source(), "version", a.version(),
                    "running", a.running(), "connections", a.connections(), "inPerSecond", rate[0],
                    "outPerSecond", rate[1]));
        }
        tree.put("applications", applications);
        tree.put("connections", connections(view.connections()));
        tree.put("users", users(view.connections()));
        tree.put("channels", channels(view.channels()));
        tree.put("charts", history.charts());
        return tree;
    }

    private static List<Map<String, Object>> nodes(NodeState node, List<ComponentState> components,
                                                   Optional<ClusterAdmin> cluster) {
        String push = components.stream().filter(c -> c.slot().key().equals("push"))
                .map(ComponentState::implementation).findFirst().orElse("");
        Map<String, Object> self = map("name", node.name(), "self", true, "started", node.started().toString(),
                "java", node.javaVersion(), "processors", node.processors(), "heapUsed", node.heapUsed(),
                "heapMax", node.heapMax());
        List<Map<String, Object>> nodes = new ArrayList<>(List.of(self));
        if (cluster.isEmpty()) {
            self.put("cluster", "A single node (Push '" + push + "').");
            return nodes;
        }
        ClusterAdmin c = cluster.get();
        self.put("node", c.nodeId());
        self.put("cluster", "A cluster of " + c.nodesUp().size() + " node(s) up (Push '" + push + "'"
                + (c.reachable() ? ")" : "; this node cannot reach Redis now)")
                + ". Each node serves its own console, showing its own connections.");
        for (String other : c.nodesUp()) {
            if (!other.equals(c.nodeId())) {
                nodes.add(map("name", other, "node", other, "self", false));
            }
        }
        return nodes;
    }

    private static Map<String, Object> connections(Optional<List<Connection>> listed) {
        if (listed.isEmpty()) {
            return map("available", false, "total", 0, "rows", List.of());
        }
        List<Connection> all = listed.get();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Connection c : all.subList(0, Math.min(all.size(), MAX_CONNECTIONS))) {
            rows.add(map("connection", ServerView.fingerprint(c.id().value()), "session",
                    ServerView.fingerprint(c.session()), "application", c.applicationId(), "transport",
                    c.transport(), "remote", c.remoteAddress(), "user", c.user().map(User::id).orElse("")));
        }
        return map("available", true, "total", all.size(), "rows", rows);
    }

    /** The signed-in users with a connection here, each with how many sessions (devices) and connections. */
    private static Map<String, Object> users(Optional<List<Connection>> listed) {
        Map<String, Set<SessionId>> sessions = new TreeMap<>();
        Map<String, Integer> connections = new TreeMap<>();
        for (Connection c : listed.orElse(List.of())) {
            c.user().map(User::id).ifPresent(user -> {
                sessions.computeIfAbsent(user, u -> new HashSet<>()).add(c.session());
                connections.merge(user, 1, Integer::sum);
            });
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Map.Entry<String, Set<SessionId>> user : sessions.entrySet()) {
            if (rows.size() == MAX_CONNECTIONS) {
                break;
            }
            rows.add(map("user", user.getKey(), "sessions", user.getValue().stream().map(ServerView::fingerprint)
                    .sorted().toList(), "connections", connections.get(user.getKey())));
        }
        return map("available", listed.isPresent(), "total", sessions.size(), "rows", rows);
    }

    private static Map<String, Object> channels(Optional<List<ChannelState>> listed) {
        if (listed.isEmpty()) {
            return map("available", false, "rows", List.of());
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        for (ChannelState c : listed.get()) {
            List<Map<String, Object>> present = new ArrayList<>();
            for (PresentSession p : c.present()) {
                present.add(map("session", ServerView.fingerprint(p.session()), "connections", p.connections()));
            }
            rows.add(map("application", c.applicationId(), "channel", c.channel(), "members",
                    c.members().stream().map(ServerView::fingerprint).sorted().toList(), "present", present));
        }
        rows.sort((a, b) -> (a.get("application") + "/" + a.get("channel"))
                .compareTo(b.get("application") + "/" + b.get("channel")));
        return map("available", true, "rows", rows);
    }

    static Map<String, Object> map(Object... pairs) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((String) pairs[i], pairs[i + 1]);
        }
        return m;
    }
}
