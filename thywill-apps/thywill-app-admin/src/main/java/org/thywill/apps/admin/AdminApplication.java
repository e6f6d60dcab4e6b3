package org.thywill.apps.admin;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.thywill.api.admin.AdminAccess;
import org.thywill.api.admin.ServerView;
import org.thywill.api.application.Application;
import org.thywill.api.application.ApplicationContext;
import org.thywill.api.application.ApplicationDescriptor;
import org.thywill.api.application.Callable;
import org.thywill.api.application.Capability;
import org.thywill.api.application.ClientSide;
import org.thywill.api.application.PageOptions;
import org.thywill.api.client.Connection;
import org.thywill.api.client.ConnectionId;
import org.thywill.api.client.DisconnectReason;
import org.thywill.api.client.SessionId;
import org.thywill.api.delivery.Target;

/**
 * The admin console, served at {@code /thywill/admin/}: an ordinary application over the client library that asks
 * for the server's view ({@link Capability#ADMIN}), so the server runs it only when {@code server.admin} is on, and
 * for its page at an address of its own under a strict Content-Security-Policy. A connection
 * sees nothing until it has logged in with {@code server.adminToken}; {@link #permits} refuses every other call
 * before that. Logged-in pages get a snapshot every second. Every login and every action is logged with the
 * operator's name and address.
 */
public final class AdminApplication implements Application {

    private static final Logger LOG = LoggerFactory.getLogger(AdminApplication.class);
    /** Its id, which is also its page's address: {@code /thywill/admin/}. */
    static final String ID = "admin";
    private static final String LOGIN = "login";
    private static final int MAX_TEXT = 10_000;
    static final int MAX_REFUSALS_LOGGED = 10;

    /** Who logged in on a connection. */
    private record Operator(String name, String address) {
        @Override
        public String toString() {
            return "'" + name + "' from " + address;
        }
    }

    private final Map<ConnectionId, Operator> operators = new ConcurrentHashMap<>();
    private final LoginGuard guard = new LoginGuard(() -> System.nanoTime() / 1_000_000);
    private final Map<ConnectionId, Integer> refusalsLogged = new ConcurrentHashMap<>();
    private final History history = new History();
    private volatile ApplicationContext context;
    private volatile AdminAccess access;
    private volatile ScheduledExecutorService ticker;

    @Override
    public ApplicationDescriptor descriptor() {
        return new ApplicationDescriptor(ID, "Thywill admin", ClientSide.of("thywill/admin", "admin"));
    }

    @Override
    public Set<Capability> capabilities() {
        return Set.of(Capability.ADMIN);
    }

    @Override
    public PageOptions pageOptions() {
        return new PageOptions(true, true);
    }

    @Override
    public void start(ApplicationContext context) {
        this.context = context;
        this.access = context.admin().orElseThrow(() -> new IllegalStateException("The server did not give the"
                + " admin console its view: set 'server.admin' to true and 'server.adminToken'"));
        ScheduledExecutorService t = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "thywill-admin-ticker");
            thread.setDaemon(true);
            return thread;
        });
        t.scheduleAtFixedRate(this::tick, 0, 1, TimeUnit.SECONDS);
        ticker = t;
    }

    @Override
    public void stop() {
        ScheduledExecutorService t = ticker;
        if (t != null) {
            t.shutdownNow();
        }
        operators.clear();
    }

    private void tick() {
        try {
            ServerView view = access.view();
            history.sample(view.meters(), System.currentTimeMillis());
            if (operators.isEmpty()) {
                return;
            }
            Map<String, Object> snapshot = Snapshot.map("kind", "snapshot", "snapshot", Snapshot.of(view, history));
            operators.keySet().forEach(c -> context.send(Target.connection(c), snapshot));
        } catch (RuntimeException e) {
            LOG.warn("The admin console could not read the server", e);
        }
    }

    /** Only a logged-in connection may call anything but {@code login}. */
    @Override
    public boolean permits(Connection caller, String function) {
        return LOGIN.equals(function) || operators.containsKey(caller.id());
    }

    @Override
    public void onDisconnect(Connection connection, DisconnectReason reason) {
        Operator gone = operators.remove(connection.id());
        if (gone != null) {
            LOG.info("Admin {} left the console", gone);
        }
        Integer refused = refusalsLogged.remove(connection.id());
        if (refused != null && refused > MAX_REFUSALS_LOGGED) {
            LOG.warn("Admin login: {} more refused logins on connection {} from {} were not logged",
                    refused - MAX_REFUSALS_LOGGED, ServerView.fingerprint(connection.id().value()),
                    host(connection.remoteAddress()));
        }
    }

    /**
     * Checks the token in constant time; refuses a name from an address that failed too often lately without
     * checking (see {@link LoginGuard}).
     *
     * @return {@code {"ok":true,"snapshot":...}} or {@code {"ok":false,"reason":...}}
     */
    @Callable
    public Map<String, Object> login(Connection caller, String name, String token) {
        String address = host(caller.remoteAddress());
        String who = name == null || name.isBlank() ? "anonymous" : name.strip();
        who = who.length() > 40 ? who.substring(0, 40) : who;
        long wait = guard.waitMillis(who, address);
        if (wait > 0) {
            return Snapshot.map("ok", false, "reason", "Too many wrong tokens for this name from your address: try"
                    + " again in " + seconds(wait) + " s.");
        }
        if (!access.acceptsToken(token)) {
            long lock = guard.failed(who, address);
            if (mayLogRefusal(caller)) {
                LOG.warn("Admin login by '{}' from {} refused: wrong token{}", who, address,
                        lock > 0 ? "; this name is locked out from there for " + seconds(lock) + " s" : "");
            }
            return Snapshot.map("ok", false, "reason", "Wrong token.");
        }
        guard.succeeded(who, address);
        Operator operator = new Operator(who, address);
        operators.put(caller.id(), operator);
        LOG.info("Admin {} logged in to the console", operator);
        return Snapshot.map("ok", true, "operator", who, "snapshot", Snapshot.of(access.view(), history));
    }

    /** @return the snapshot now, without waiting for the next tick */
    @Callable
    public Map<String, Object> snapshot() {
        return Snapshot.of(access.view(), history);
    }

    /** @return how many connections of the session were ended */
    @Callable
    public int disconnect(Connection caller, String session) {
        SessionId found = session(session).orElseThrow(() -> new IllegalArgumentException("no such session"));
        int ended = access.view().disconnect(found);
        LOG.info("Admin {} disconnected session {} ({} connections)", operator(caller), session, ended);
        return ended;
    }

    /** @return how many of the user's connections this node ended; the other nodes of a cluster end theirs */
    @Callable
    public int disconnectUser(Connection caller, String user) {
        int ended = access.view().disconnectUser(user, "Signed out by an administrator");
        LOG.info("Admin {} logged user {} out everywhere ({} connections here)", operator(caller), user, ended);
        return ended;
    }

    /** @return how many connections the message was queued for */
    @Callable
    public int sendToSession(Connection caller, String session, String applicationId, String text) {
        SessionId found = session(session).orElseThrow(() -> new IllegalArgumentException("no such session"));
        int queued = access.view().send(applicationId, Target.session(found), limit(text)).queued();
        LOG.info("Admin {} sent a test message to session {} of '{}' ({} connections)", operator(caller), session,
                applicationId, queued);
        return queued;
    }

    /** @return how many connections the message was queued for */
    @Callable
    public int sendToChannel(Connection caller, String applicationId, String channel, String text) {
        int queued = access.view().send(applicationId, Target.channel(channel), limit(text)).queued();
        LOG.info("Admin {} sent a test message to channel '{}' of '{}' ({} connections)", operator(caller), channel,
                applicationId, queued);
        return queued;
    }

    /** @return true if the application ran and was stopped */
    @Callable
    public boolean undeploy(Connection caller, String applicationId) {
        boolean done = access.view().undeploy(applicationId);
        LOG.info("Admin {} undeployed '{}': {}", operator(caller), applicationId, done ? "done" : "it did not run");
        return done;
    }

    /** @return true if the application runs again */
    @Callable
    public boolean redeploy(Connection caller, String applicationId) {
        boolean done = access.view().redeploy(applicationId);
        LOG.info("Admin {} redeployed '{}': {}", operator(caller), applicationId, done ? "done" : "not found");
        return done;
    }

    private Optional<SessionId> session(String fingerprint) {
        ServerView view = access.view();
        Optional<SessionId> connected = view.connections().orElse(List.of()).stream().map(Connection::session)
                .filter(s -> ServerView.fingerprint(s).equals(fingerprint)).findFirst();
        if (connected.isPresent()) {
            return connected;
        }
        return view.channels().orElse(List.of()).stream().flatMap(c -> c.members().stream())
                .filter(s -> ServerView.fingerprint(s).equals(fingerprint)).findFirst();
    }

    private Operator operator(Connection caller) {
        Operator o = operators.get(caller.id());
        return o != null ? o : new Operator("?", host(caller.remoteAddress()));
    }

    /** One connection's refused logins are logged {@value #MAX_REFUSALS_LOGGED} times, then counted. */
    private boolean mayLogRefusal(Connection caller) {
        int count = refusalsLogged.merge(caller.id(), 1, Integer::sum);
        if (count == MAX_REFUSALS_LOGGED + 1) {
            LOG.warn("Admin login: more than {} refused logins on connection {} from {}; the rest are counted, not"
                    + " logged", MAX_REFUSALS_LOGGED, ServerView.fingerprint(caller.id().value()),
                    host(caller.remoteAddress()));
        }
        return count <= MAX_REFUSALS_LOGGED;
    }

    private static long seconds(long millis) {
        return (millis + 999) / 1000;
    }

    private static String limit(String text) {
        return text == null ? "" : text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) : text;
    }

    /** @return the address without its port: {@code /127.0.0.1:53422} gives {@code 127.0.0.1} */
    static String host(String remote) {
        String r = remote == null ? "" : remote.startsWith("/") ? remote.substring(1) : remote;
        int colon = r.lastIndexOf(':');
        return colon > 0 && r.indexOf(':') == colon ? r.substring(0, colon)
                : r.startsWith("[") && r.contains("]") ? r.substring(1, r.indexOf(']')) : r;
    }
}
