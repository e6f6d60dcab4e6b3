package org.thywill.delivery;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.thywill.api.admin.ChannelState;
import org.thywill.api.client.ConnectionId;
import org.thywill.api.client.SessionId;
import org.thywill.api.presence.PresentSession;

/**
 * The sessions this server holds and their channels, for either Push: what the send path reads to find this
 * server's targets of a channel message, without asking the store where membership lives (the Database, Redis). A
 * session is held while it has connections here and, once its last one ended, until it departs (the grace period)
 * or arrives on another node ("lingering"), so that its messages wait in its inbox here for a reloading page. A
 * session's channels are loaded from the store when its first connection here arrives, kept up to date as it joins
 * and leaves, and forgotten when it stops being held.
 *
 * <p>Changes for one session in one application happen under {@link #lock}, one of a fixed set of stripes, which
 * the caller also holds while it tells the store, so that the store sees a session's changes in the order they
 * happened here and presence events for one session come in order. The sets are concurrent, so senders read them
 * without a lock.
 */
public final class LocalMembers {

    private static final int STRIPES = 256;

    /** One application channel. */
    private record ChannelKey(String applicationId, String channel) {
    }

    /** A session's connections and channels in one application, while it has connections here. */
    private static final class Standing {
        final Set<String> channels = ConcurrentHashMap.newKeySet();
        final Set<ConnectionId> connections = ConcurrentHashMap.newKeySet();
        /** Whether the channels were read from Redis; false while it could not be reached. */
        boolean loaded;
        /** When its last connection here ended, while it has none; 0 while it has some. */
        volatile long lingeringSince;
    }

    private final Map<AppSession, Standing> standings = new ConcurrentHashMap<>();
    private final Map<ChannelKey, Set<SessionId>> index = new ConcurrentHashMap<>();
    private final Map<ConnectionId, Set<AppSession>> attached = new ConcurrentHashMap<>();
    private final Object[] stripes = new Object[STRIPES];

    /** Holds nobody yet. */
    public LocalMembers() {
        for (int i = 0; i < STRIPES; i++) {
            stripes[i] = new Object();
        }
    }

    /** @return the lock to hold while changing this session's standing and telling Redis of it */
    public Object lock(AppSession key) {
        return stripes[Math.floorMod(key.hashCode(), STRIPES)];
    }

    /**
     * Attaches a connection; call under {@link #lock}.
     *
     * @return how many connections the session now has here in this application, or 0 if it was attached already
     */
    public int attach(AppSession key, ConnectionId connection) {
        Standing standing = standings.computeIfAbsent(key, k -> new Standing());
        if (!standing.connections.add(connection)) {
            return 0;
        }
        standing.lingeringSince = 0;
        attached.computeIfAbsent(connection, c -> ConcurrentHashMap.newKeySet()).add(key);
        return standing.connections.size();
    }

    /** @return the sessions in applications the connection was attached to; call {@link #detach(AppSession,
     *  ConnectionId)} for each under its lock */
    public Set<AppSession> attachedTo(ConnectionId connection) {
        Set<AppSession> keys = attached.remove(connection);
        return keys == null ? Set.of() : keys;
    }

    /**
     * Detaches a connection; call under {@link #lock}. A session left without connections here lingers, or is
     * forgotten at once when there is no grace period.
     *
     * @param linger whether a session left without connections lingers
     * @return how many connections the session still has here in this application, or -1 if it had not this one
     */
    public int detach(AppSession key, ConnectionId connection, boolean linger) {
        Standing standing = standings.get(key);
        if (standing == null || !standing.connections.remove(connection)) {
            return -1;
        }
        if (standing.connections.isEmpty()) {
            if (linger) {
                standing.lingeringSince = System.currentTimeMillis();
            } else {
                forget(key);
            }
        }
        return standing.connections.size();
    }

    /**
     * Makes a session that has no connection here linger, with the channels Redis holds for it: its node went
     * down and this node took over its messages. Call under {@link #lock}.
     */
    public void linger(AppSession key, Set<String> channels) {
        if (standings.containsKey(key)) {
            return;
        }
        Standing standing = new Standing();
        standing.loaded = true;
        standing.lingeringSince = System.currentTimeMillis();
        standings.put(key, standing);
        channels.forEach(channel -> addChannel(key, channel));
    }

    /** @return the sessions that have been lingering since before the cutoff; forget each under its lock */
    public List<AppSession> lingeringSince(long cutoffMillis) {
        List<AppSession> over = new ArrayList<>();
        standings.forEach((key, standing) -> {
            long since = standing.lingeringSince;
            if (since != 0 && since < cutoffMillis) {
                over.add(key);
            }
        });
        return over;
    }

    /** Forgets a session if it still has no connection here; call under {@link #lock}. */
    public void forgetIfLingering(AppSession key) {
        Standing standing = standings.get(key);
        if (standing != null && standing.connections.isEmpty()) {
            forget(key);
        }
    }

    private void forget(AppSession key) {
        Standing standing = standings.remove(key);
        if (standing != null) {
            standing.channels.forEach(channel -> unindex(key, channel));
        }
    }

    /**
     * Replaces a held session's channels with those the store holds, and marks them loaded; call under
     * {@link #lock}.
     *
     * @return the channels it was not in before, now added
     */
    public Set<String> load(AppSession key, Set<String> channels) {
        Standing standing = standings.get(key);
        if (standing == null) {
            return Set.of();
        }
        for (String channel : Set.copyOf(standing.channels)) {
            if (!channels.contains(channel)) {
                standing.channels.remove(channel);
                unindex(key, channel);
            }
        }
        Set<String> added = new java.util.LinkedHashSet<>();
        for (String channel : channels) {
            if (addChannel(key, channel)) {
                added.add(channel);
            }
        }
        standing.loaded = true;
        return added;
    }

    /** @return a snapshot of the channels of a session held here, empty if it is not held */
    public Set<String> channels(AppSession key) {
        Standing standing = standings.get(key);
        return standing == null ? Set.of() : Set.copyOf(standing.channels);
    }

    /**
     * Forgets a session whose grace period is over and that still has no connection here; call under
     * {@link #lock}.
     *
     * @return the channels it was in, which it now leaves; empty if it was not forgotten
     */
    public Set<String> depart(AppSession key) {
        Standing standing = standings.get(key);
        if (standing == null || !standing.connections.isEmpty()) {
            return Set.of();
        }
        Set<String> left = Set.copyOf(standing.channels);
        forget(key);
        return left;
    }

    /**
     * @param applicationId the application
     * @param channel the channel
     * @return the sessions held here in it, with their live connection counts here
     */
    public List<PresentSession> presence(String applicationId, String channel) {
        List<PresentSession> here = new ArrayList<>();
        members(applicationId, channel).forEach((session, count) -> here.add(new PresentSession(session, count)));
        return List.copyOf(here);
    }

    /** @return a snapshot of every channel with a member held here, and those members */
    public List<ChannelState> channels() {
        List<ChannelState> all = new ArrayList<>();
        index.forEach((key, sessions) -> all.add(new ChannelState(key.applicationId(), key.channel(),
                Set.copyOf(sessions), presence(key.applicationId(), key.channel()))));
        return all;
    }

    /** @return the member sessions held here, connected or lingering */
    public Set<SessionId> heldMembers(String applicationId, String channel) {
        return Set.copyOf(index.getOrDefault(new ChannelKey(applicationId, channel), Set.of()));
    }

    /** @return whether the session's channels were read from the store since it connected here */
    public boolean loaded(AppSession key) {
        Standing standing = standings.get(key);
        return standing != null && standing.loaded;
    }

    /** @return true if the session is connected here and was not in the channel; call under {@link #lock} */
    public boolean addChannel(AppSession key, String channel) {
        Standing standing = standings.get(key);
        if (standing == null || !standing.channels.add(channel)) {
            return false;
        }
        index.computeIfAbsent(new ChannelKey(key.applicationId(), channel), k -> ConcurrentHashMap.newKeySet())
                .add(key.session());
        return true;
    }

    /** @return true if the session is connected here and was in the channel; call under {@link #lock} */
    public boolean removeChannel(AppSession key, String channel) {
        Standing standing = standings.get(key);
        if (standing == null || !standing.channels.remove(channel)) {
            return false;
        }
        unindex(key, channel);
        return true;
    }

    /** @return whether this node holds the session: it has connections here, or lingers here */
    public boolean holds(AppSession key) {
        return standings.containsKey(key);
    }

    /** @return whether this node holds the session and it is a member of the channel */
    public boolean isMember(AppSession key, String channel) {
        Standing standing = standings.get(key);
        return standing != null && standing.channels.contains(channel);
    }

    /**
     * @param exceptSession a session to leave out, or null
     * @return the channel's member sessions this node holds, connected or lingering
     */
    public List<SessionId> heldMembers(String applicationId, String channel, SessionId exceptSession) {
        Set<SessionId> sessions = index.get(new ChannelKey(applicationId, channel));
        if (sessions == null) {
            return List.of();
        }
        List<SessionId> held = new ArrayList<>(sessions.size());
        for (SessionId session : sessions) {
            if (!session.equals(exceptSession)) {
                held.add(session);
            }
        }
        return held;
    }

    /**
     * @param exceptSession a session to leave out, or null
     * @param exceptConnection a connection to leave out, or null
     * @return this node's connections of the channel's members
     */
    public List<ConnectionId> targets(String applicationId, String channel, SessionId exceptSession,
                               ConnectionId exceptConnection) {
        Set<SessionId> sessions = index.get(new ChannelKey(applicationId, channel));
        if (sessions == null) {
            return List.of();
        }
        List<ConnectionId> targets = new ArrayList<>();
        for (SessionId session : sessions) {
            Standing standing = session.equals(exceptSession) ? null
                    : standings.get(new AppSession(applicationId, session));
            if (standing != null) {
                for (ConnectionId connection : standing.connections) {
                    if (!connection.equals(exceptConnection)) {
                        targets.add(connection);
                    }
                }
            }
        }
        return targets;
    }

    /** @return the member sessions this node holds with their connection counts here (0 while lingering) */
    public Map<SessionId, Integer> members(String applicationId, String channel) {
        Set<SessionId> sessions = index.get(new ChannelKey(applicationId, channel));
        Map<SessionId, Integer> counts = new HashMap<>();
        if (sessions != null) {
            for (SessionId session : sessions) {
                Standing standing = standings.get(new AppSession(applicationId, session));
                if (standing != null) {
                    counts.put(session, standing.connections.size());
                }
            }
        }
        return counts;
    }

    /** @return the sessions held here, for registering those connected again after an outage */
    public Set<AppSession> sessions() {
        return Set.copyOf(standings.keySet());
    }

    /** @return how many connections the session has here in the application; 0 if none */
    public int count(AppSession key) {
        Standing standing = standings.get(key);
        return standing == null ? 0 : standing.connections.size();
    }

    private void unindex(AppSession key, String channel) {
        index.computeIfPresent(new ChannelKey(key.applicationId(), channel), (k, sessions) -> {
            sessions.remove(key.session());
            return sessions.isEmpty() ? null : sessions;
        });
    }
}
