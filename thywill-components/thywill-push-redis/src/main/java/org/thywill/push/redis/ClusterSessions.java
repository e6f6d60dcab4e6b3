package org.thywill.push.redis;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.thywill.api.ThywillException;
import org.thywill.api.auth.User;
import org.thywill.api.client.Connection;
import org.thywill.api.client.ConnectionId;
import org.thywill.api.client.SessionId;
import org.thywill.api.presence.PresentSession;
import org.thywill.delivery.AppSession;
import org.thywill.delivery.LocalMembers;
import org.thywill.delivery.Memberships;
import org.thywill.delivery.PresenceEvents;

/**
 * Channel membership and presence across the cluster: keeps this node's {@link LocalMembers} and the shared
 * {@link ClusterStore} in step, tells the other nodes of membership changes over the bus, and tells this node's
 * applications of the presence changes this node caused (each change is reported by exactly one node: the one
 * whose script made it).
 */
final class ClusterSessions implements Memberships {

    private static final Logger LOG = LoggerFactory.getLogger(ClusterSessions.class);

    private final String node;
    private final LocalMembers local = new LocalMembers();
    private final ClusterStore store;
    private final RedisLink link;
    private final PresenceEvents events;
    private final Consumer<BusMessage> publish;
    private final long graceMillis;
    private final long lingerSlackMillis;
    /** The log's last entry when this node began to hold a session that it did not hold before: messages
     *  published to the session up to there were not handled here. */
    private final Map<AppSession, String> heldSince = new ConcurrentHashMap<>();
    /** Sessions attached here whose channels are being read from Redis, each under its lock meanwhile: a channel
     *  message must wait for them, as its log entry may be after {@link #heldSince} (it is not replayed). */
    private final Set<AppSession> loading = ConcurrentHashMap.newKeySet();

    /**
     * @param node this node's id
     * @param store the shared state
     * @param link the connection to Redis, to wait for replies
     * @param events told of presence changes
     * @param publish publishes to the other nodes
     * @param grace how long a session without connections stays present
     * @param nodeTimeout how long a silent node stays up, which is how late a departure may be claimed
     */
    ClusterSessions(String node, ClusterStore store, RedisLink link, PresenceEvents events,
                    Consumer<BusMessage> publish, Duration grace, Duration nodeTimeout) {
        this.node = node;
        this.store = store;
        this.link = link;
        this.events = events;
        this.publish = publish;
        this.graceMillis = grace.toMillis();
        this.lingerSlackMillis = nodeTimeout.toMillis();
    }

    @Override
    public LocalMembers local() {
        return local;
    }

    /**
     * Attaches a live connection to its session's channels of an application; the session's first connection
     * anywhere in the cluster makes it present. Reads Redis (once per session and application) before it
     * returns, so a connection receives its session's channels before the application hears of it.
     */
    @Override
    public void attach(String applicationId, Connection connection) {
        AppSession key = new AppSession(applicationId, connection.session());
        synchronized (local.lock(key)) {
            boolean heldBefore = local.holds(key);
            if (!local.loaded(key)) {
                loading.add(key);
            }
            try {
                attachLocked(key, heldBefore, connection);
            } finally {
                loading.remove(key);
            }
        }
    }

    /** {@link #attach} under the session's lock. */
    private void attachLocked(AppSession key, boolean heldBefore, Connection connection) {
        String applicationId = key.applicationId();
        int count = local.attach(key, connection.id());
        if (count == 0) {
            return;
        }
        if (count == 1) {
            publish.accept(BusMessage.of(node, BusMessage.Kind.ARRIVED, "app", applicationId,
                    "session", key.session().value()));
        }
        CompletionStage<ClusterStore.Outcome> reply = store.attach(applicationId, key.session(), count,
                connection.user().map(User::id).orElse(""));
        if (!heldBefore) {
            reply.thenAccept(outcome -> heldSince.put(key, outcome.logTail()));
        }
        if (local.loaded(key)) {
            reply.thenAccept(outcome -> announceJoin(key, outcome));
            return;
        }
        try {
            ClusterStore.Outcome outcome = link.await(reply);
            local.load(key, outcome.channels());
            announceJoin(key, outcome);
        } catch (ThywillException e) {
            LOG.debug("{} A session connecting to {} receives only the channels it joins from now on, until"
                    + " Redis is back.", e.getMessage(), applicationId);
        }
    }

    /** Detaches a connection that ended, from every application it was attached to. */
    @Override
    public void detach(ConnectionId connection) {
        for (AppSession key : local.attachedTo(connection)) {
            synchronized (local.lock(key)) {
                int remaining = local.detach(key, connection, graceMillis > 0);
                if (remaining < 0) {
                    continue;
                }
                try {
                    store.detach(key.applicationId(), key.session(), remaining, graceMillis)
                            .thenAccept(outcome -> announceLeave(key, outcome.changed() ? outcome.channels()
                                    : Set.of(), outcome.user()));
                } catch (RuntimeException e) {
                    // The link is closed: this node is stopping, and the others release its connections.
                    LOG.debug("A connection that ended was not released in Redis: {}", e.getMessage());
                }
            }
        }
    }

    /** @throws ThywillException if Redis cannot store it and the session is not connected here */
    @Override
    public void join(String applicationId, String channel, SessionId session) {
        changeMembership(applicationId, channel, session, true);
    }

    /** @throws ThywillException if Redis cannot store it and the session is not connected here */
    @Override
    public void leave(String applicationId, String channel, SessionId session) {
        changeMembership(applicationId, channel, session, false);
    }

    /**
     * Joins or leaves a channel here, in Redis and on the other nodes. Announced when Redis says the cluster's
     * membership changed; when Redis fails, when this node's did, as long as the session is connected here.
     */
    private void changeMembership(String applicationId, String channel, SessionId session, boolean joining) {
        AppSession key = new AppSession(applicationId, session);
        synchronized (local.lock(key)) {
            boolean here = joining ? local.addChannel(key, channel) : local.removeChannel(key, channel);
            CompletionStage<ClusterStore.Outcome> reply = joining ? store.join(applicationId, channel, session)
                    : store.leave(applicationId, channel, session);
            publish.accept(BusMessage.of(node, joining ? BusMessage.Kind.JOIN : BusMessage.Kind.LEAVE, "app",
                    applicationId, "channel", channel, "session", session.value()));
            boolean changed;
            try {
                ClusterStore.Outcome outcome = link.await(reply);
                changed = outcome.changed() && !outcome.channels().isEmpty();
            } catch (ThywillException e) {
                if (!local.holds(key)) {
                    throw e;
                }
                LOG.error("{} The session {} channel '{}' of {} on this node while it stays connected, but not on"
                        + " others.", e.getMessage(), joining ? "is a member of" : "has left", channel, applicationId);
                changed = here;
            }
            if (changed && joining) {
                events.joined(applicationId, channel, session);
            } else if (changed) {
                events.left(applicationId, channel, session);
            }
        }
    }

    /** A session arrived on another node: stop holding it here if it only lingers here. */
    void arrivedElsewhere(String applicationId, SessionId session) {
        AppSession key = new AppSession(applicationId, session);
        synchronized (local.lock(key)) {
            local.forgetIfLingering(key);
        }
    }

    /** Another node changed a membership: follow it if the session is connected here. */
    void followJoin(String applicationId, String channel, SessionId session) {
        AppSession key = new AppSession(applicationId, session);
        synchronized (local.lock(key)) {
            local.addChannel(key, channel);
        }
    }

    /** Another node changed a membership: follow it if the session is connected here. */
    void followLeave(String applicationId, String channel, SessionId session) {
        AppSession key = new AppSession(applicationId, session);
        synchronized (local.lock(key)) {
            local.removeChannel(key, channel);
        }
    }

    /** Sessions whose grace period ended: they left their channels. */
    void departed(List<ClusterStore.Departure> departures) {
        for (ClusterStore.Departure departure : departures) {
            AppSession key = departure.session();
            synchronized (local.lock(key)) {
                local.forgetIfLingering(key);
            }
            announceLeave(key, departure.channels(), departure.user());
        }
    }

    /**
     * This node declared another one down: it holds that node's sessions that have no connection elsewhere, as if
     * their connections had been here, so that their messages wait in their inboxes (and the Database) here until
     * they reconnect, on any node, or the grace period ends.
     */
    void takeOver(List<ClusterStore.Departure> orphans) {
        for (ClusterStore.Departure orphan : orphans) {
            synchronized (local.lock(orphan.session())) {
                local.linger(orphan.session(), orphan.channels());
            }
        }
        try {
            String tail = link.await(store.logTail());
            orphans.forEach(orphan -> heldSince.put(orphan.session(), tail));
        } catch (ThywillException e) {
            LOG.error("{} Messages published to the {} sessions this node took over before it took them over are"
                    + " not replayed to them.", e.getMessage(), orphans.size());
        }
    }

    /**
     * Which of a dead node's sessions this node began to hold after the node's position in the log: the messages
     * published to them between that position and when this node began to hold them were handled by no node.
     *
     * @param sessions the dead node's sessions
     * @param position the last log entry the dead node recorded as handled
     * @return those held here since after the position, with the log's last entry when this node began to hold
     *         each
     */
    Map<AppSession, String> heldSinceAfter(List<AppSession> sessions, String position) {
        Map<AppSession, String> found = new HashMap<>();
        for (AppSession key : sessions) {
            String since = heldSince.get(key);
            if (since != null && local.holds(key) && LogIds.compare(since, position) > 0) {
                found.put(key, since);
            }
        }
        return found;
    }

    /** @return whether this node holds the session and it is a member of the channel */
    boolean isHeldMember(AppSession key, String channel) {
        return local.isMember(key, channel);
    }

    /**
     * Stops holding the sessions that have been without a connection here for longer than their departure can
     * take: normally a lingering session stops being held when it departs (this node reports it) or arrives on
     * another node; this catches a departure that another node claimed.
     */
    void stopLingering() {
        for (AppSession key : local.lingeringSince(System.currentTimeMillis() - graceMillis - lingerSlackMillis)) {
            synchronized (local.lock(key)) {
                local.forgetIfLingering(key);
            }
        }
        heldSince.keySet().removeIf(key -> !local.holds(key));
    }

    /** A node went down: tells every application here which of its sessions were there. */
    void nodeDown(String down, List<AppSession> sessions) {
        Map<String, Set<SessionId>> byApplication = new HashMap<>();
        for (AppSession key : sessions) {
            byApplication.computeIfAbsent(key.applicationId(), a -> new HashSet<>()).add(key.session());
        }
        for (String applicationId : events.applications()) {
            events.nodeDown(applicationId, down, Set.copyOf(byApplication.getOrDefault(applicationId, Set.of())));
        }
    }

    /**
     * Registers this node's connections in Redis again, after an outage or after other nodes declared this one
     * down: first forgets what Redis held for this node, then attaches every session connected here now, reloading
     * its channels. Sessions that arrive or return meanwhile are reported as joins.
     */
    void register() {
        store.release(node, false, graceMillis);
        for (AppSession key : local.sessions()) {
            synchronized (local.lock(key)) {
                int count = local.count(key);
                if (count == 0) {
                    continue;
                }
                store.attach(key.applicationId(), key.session(), count, "").thenAccept(outcome -> {
                    synchronized (local.lock(key)) {
                        local.load(key, outcome.channels());
                    }
                    announceJoin(key, outcome);
                });
            }
        }
    }

    /** Waits for the sessions whose channels are being read: a channel message's log entry may be after theirs. */
    @Override
    public List<SessionId> heldMembers(String applicationId, String channel, SessionId exceptSession) {
        List<SessionId> held = local.heldMembers(applicationId, channel, exceptSession);
        if (loading.isEmpty()) {
            return held;
        }
        List<SessionId> all = new ArrayList<>(held);
        for (AppSession key : loading) {
            if (key.applicationId().equals(applicationId) && !key.session().equals(exceptSession)) {
                synchronized (local.lock(key)) { // until its channels are read
                    if (local.isMember(key, channel) && !all.contains(key.session())) {
                        all.add(key.session());
                    }
                }
            }
        }
        return all;
    }

    /** @return whether this node holds the session: connected here, or lingering here */
    boolean holds(String applicationId, SessionId session) {
        return local.holds(new AppSession(applicationId, session));
    }

    /** @return the sessions present in the channel across the cluster; this node's alone while Redis is away */
    @Override
    public List<PresentSession> presence(String applicationId, String channel) {
        try {
            return link.await(store.presence(applicationId, channel));
        } catch (ThywillException e) {
            LOG.debug("{} Answering presence with this node's sessions only.", e.getMessage());
            List<PresentSession> here = new ArrayList<>();
            local.members(applicationId, channel).forEach((session, count) ->
                    here.add(new PresentSession(session, count)));
            return List.copyOf(here);
        }
    }

    /** @throws ThywillException if Redis cannot be read */
    @Override
    public Set<SessionId> memberSessions(String applicationId, String channel) {
        return link.await(store.memberSessions(applicationId, channel));
    }

    /** @return whether the session is present in the application somewhere; false when Redis cannot say */
    boolean presentElsewhere(String applicationId, SessionId session) {
        try {
            return link.await(store.present(applicationId, session));
        } catch (ThywillException e) {
            return false;
        }
    }

    private void announceJoin(AppSession key, ClusterStore.Outcome outcome) {
        if (outcome.changed()) {
            outcome.channels().forEach(channel -> events.joined(key.applicationId(), channel, key.session()));
        }
        if (outcome.user() != null) {
            events.userJoined(key.applicationId(), outcome.user());
        }
    }

    /** The session left its channels' presence and, if it was their last present session, its user left. */
    private void announceLeave(AppSession key, Set<String> channels, String user) {
        channels.forEach(channel -> events.left(key.applicationId(), channel, key.session()));
        if (user != null) {
            events.userLeft(key.applicationId(), user);
        }
    }
}
