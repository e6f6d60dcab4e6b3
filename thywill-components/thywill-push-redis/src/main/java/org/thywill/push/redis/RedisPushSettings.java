package org.thywill.push.redis;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.thywill.api.SettingsException;
import org.thywill.delivery.InboxLimits;
import org.thywill.delivery.InboxSettings;

/**
 * The {@code push} section for implementation {@code redis}, the clustered Push.
 *
 * <table>
 *   <caption>Keys</caption>
 *   <tr><th>Name</th><th>Default</th><th>Description</th></tr>
 *   <tr><td>{@code uri}</td><td>{@code redis://127.0.0.1:6379}</td><td>The Redis server every node of the cluster
 *   shares: {@code redis://host:port} or, for TLS, {@code rediss://host:port}; a database number may follow as
 *   the path ({@code redis://host:6379/2}).</td></tr>
 *   <tr><td>{@code password}</td><td>empty</td><td>Redis's password ({@code requirepass}), or empty for
 *   none.</td></tr>
 *   <tr><td>{@code tls}</td><td>{@code false}</td><td>Talk to Redis over TLS, verifying its certificate against
 *   the JVM's trust store; {@code rediss://} in the uri sets it too.</td></tr>
 *   <tr><td>{@code keyPrefix}</td><td>{@code thywill}</td><td>Starts every key and pub/sub channel this cluster
 *   uses, so several clusters can share one Redis; the nodes of one cluster must use the same one.</td></tr>
 *   <tr><td>{@code nodeId}</td><td>random</td><td>This node's name in the cluster, unique within it; shown in
 *   logs, in the health report and to applications when the node goes down.</td></tr>
 *   <tr><td>{@code heartbeatInterval}</td><td>{@code 1s}</td><td>How often the node tells Redis it is up and looks
 *   for nodes that stopped doing so.</td></tr>
 *   <tr><td>{@code nodeTimeout}</td><td>{@code 5s}</td><td>A node that has not heart-beaten for this long is
 *   declared down; at least twice {@code heartbeatInterval}.</td></tr>
 *   <tr><td>{@code presenceGrace}</td><td>{@code 5s}</td><td>How long a session whose last connection anywhere in
 *   the cluster ended still counts as present, so that a reload or a move to another node is not a
 *   leave.</td></tr>
 *   <tr><td>{@code inboxMaxAge}, {@code inboxMaxMessages}, {@code inboxPerApplication},
 *   {@code inboxWriteDelay}</td><td>see {@link InboxSettings}</td><td>The session inboxes' limits, as for the
 *   Push {@code cometd}.</td></tr>
 * </table>
 *
 * @param uri the Redis server's address
 * @param password Redis's password, empty for none
 * @param tls whether to use TLS
 * @param keyPrefix the first part of every key
 * @param nodeId this node's name in the cluster
 * @param heartbeatInterval how often to heart-beat
 * @param nodeTimeout how long a silent node stays up
 * @param presenceGrace how long a session without connections stays present
 * @param inboxMaxAge how long a message to a session waits for its acknowledgement; default 24h
 * @param inboxMaxMessages the most unacknowledged messages kept per session and application; default 1000
 * @param inboxPerApplication inbox limits of particular applications, by application id; default none
 * @param inboxWriteDelay how long a message handed to a live connection waits before it is written; default 500ms
 */
public record RedisPushSettings(String uri, String password, Boolean tls, String keyPrefix, String nodeId,
                                Duration heartbeatInterval, Duration nodeTimeout, Duration presenceGrace,
                                Duration inboxMaxAge, Integer inboxMaxMessages,
                                Map<String, InboxLimits> inboxPerApplication, Duration inboxWriteDelay) {

    /** The Redis address unless {@code uri} says otherwise. */
    public static final String DEFAULT_URI = "redis://127.0.0.1:6379";
    /** The key prefix unless {@code keyPrefix} says otherwise. */
    public static final String DEFAULT_KEY_PREFIX = "thywill";
    /** The heartbeat interval unless {@code heartbeatInterval} says otherwise. */
    public static final Duration DEFAULT_HEARTBEAT_INTERVAL = Duration.ofSeconds(1);
    /** The node timeout unless {@code nodeTimeout} says otherwise. */
    public static final Duration DEFAULT_NODE_TIMEOUT = Duration.ofSeconds(5);
    /** The grace period unless {@code presenceGrace} says otherwise. */
    public static final Duration DEFAULT_PRESENCE_GRACE = Duration.ofSeconds(5);

    private static final Pattern PREFIX = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,63}");
    private static final Pattern NODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final Duration SHORTEST_HEARTBEAT = Duration.ofMillis(100);

    /** Applies defaults and validates. */
    public RedisPushSettings {
        uri = uri == null || uri.isBlank() ? DEFAULT_URI : uri.trim();
        password = password == null ? "" : password;
        keyPrefix = keyPrefix == null ? DEFAULT_KEY_PREFIX : keyPrefix;
        nodeId = nodeId == null || nodeId.isBlank() ? randomNodeId() : nodeId;
        heartbeatInterval = heartbeatInterval == null ? DEFAULT_HEARTBEAT_INTERVAL : heartbeatInterval;
        nodeTimeout = nodeTimeout == null ? DEFAULT_NODE_TIMEOUT : nodeTimeout;
        presenceGrace = presenceGrace == null ? DEFAULT_PRESENCE_GRACE : presenceGrace;
        URI parsed = parse(uri);
        tls = Boolean.TRUE.equals(tls) || "rediss".equals(parsed.getScheme());
        SettingsException.require(PREFIX.matcher(keyPrefix).matches(), "keyPrefix",
                "must be 1 to 64 letters, digits, '.', '_', ':' or '-' starting with a letter or digit, not '"
                        + keyPrefix + "'");
        SettingsException.require(NODE.matcher(nodeId).matches(), "nodeId",
                "must be 1 to 64 letters, digits, '.', '_' or '-' starting with a letter or digit, not '"
                        + nodeId + "'");
        SettingsException.require(heartbeatInterval.compareTo(SHORTEST_HEARTBEAT) >= 0, "heartbeatInterval",
                "must be at least 100ms, not " + heartbeatInterval.toMillis() + "ms");
        SettingsException.require(nodeTimeout.compareTo(heartbeatInterval.multipliedBy(2)) >= 0, "nodeTimeout",
                "must be at least twice heartbeatInterval (" + heartbeatInterval.multipliedBy(2).toMillis()
                        + "ms), so that one late heartbeat does not declare a node down; it is "
                        + nodeTimeout.toMillis() + "ms");
        SettingsException.require(!presenceGrace.isNegative(), "presenceGrace",
                "must be at least 0s, not " + presenceGrace.toMillis() + "ms");
        // Validated at start-up; left as given (null for unset), read through inbox().
        new InboxSettings(inboxMaxAge, inboxMaxMessages, inboxPerApplication, inboxWriteDelay);
    }

    /** The cluster's settings with the inboxes' defaults. */
    RedisPushSettings(String uri, String password, Boolean tls, String keyPrefix, String nodeId,
                      Duration heartbeatInterval, Duration nodeTimeout, Duration presenceGrace) {
        this(uri, password, tls, keyPrefix, nodeId, heartbeatInterval, nodeTimeout, presenceGrace, null, null, null,
                null);
    }

    /** @return the session inboxes' settings, with their defaults */
    InboxSettings inbox() {
        return new InboxSettings(inboxMaxAge, inboxMaxMessages, inboxPerApplication, inboxWriteDelay);
    }

    /**
     * How long the cluster's log keeps a delivery: long enough to replay, when a node is declared down (within
     * {@code nodeTimeout} of its death), what it may not have handled, with room for a slow declaration.
     *
     * @return three node timeouts and ten seconds
     */
    Duration logRetention() {
        return nodeTimeout.multipliedBy(3).plusSeconds(10);
    }

    /** @return the address without its password, fit for logs and the health report */
    String address() {
        URI parsed = parse(uri);
        return parsed.getScheme() + "://" + parsed.getHost() + ":" + port(parsed) + pathOf(parsed);
    }

    /** @return the host of {@link #uri} */
    String host() {
        return parse(uri).getHost();
    }

    /** @return the port of {@link #uri}, 6379 when it names none */
    int port() {
        return port(parse(uri));
    }

    /** @return the database number of {@link #uri}, 0 when it names none */
    int database() {
        String path = pathOf(parse(uri));
        return path.isEmpty() ? 0 : Integer.parseInt(path.substring(1));
    }

    private static URI parse(String uri) {
        URI parsed;
        try {
            parsed = new URI(uri);
        } catch (URISyntaxException e) {
            throw new SettingsException("uri", "must be an address such as " + DEFAULT_URI + ", not '" + uri + "'");
        }
        SettingsException.require("redis".equals(parsed.getScheme()) || "rediss".equals(parsed.getScheme()),
                "uri", "must start with redis:// (or rediss:// for TLS), not '" + uri + "'");
        SettingsException.require(parsed.getHost() != null, "uri",
                "must name a host, as in " + DEFAULT_URI + ", not '" + uri + "'");
        SettingsException.require(parsed.getUserInfo() == null, "uri",
                "must not hold a password: put it in 'password' so that it stays out of logs");
        String path = pathOf(parsed);
        SettingsException.require(path.isEmpty() || path.matches("/[0-9]{1,2}"), "uri",
                "may end with a database number such as /2, not '" + path + "'");
        return parsed;
    }

    private static String pathOf(URI parsed) {
        String path = parsed.getPath();
        return path == null || path.equals("/") ? "" : path;
    }

    private static int port(URI parsed) {
        return parsed.getPort() < 0 ? 6379 : parsed.getPort();
    }

    private static String randomNodeId() {
        return "node-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
