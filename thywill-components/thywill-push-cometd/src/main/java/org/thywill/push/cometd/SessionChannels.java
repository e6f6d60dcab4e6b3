package org.thywill.push.cometd;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.thywill.api.admin.ChannelState;
import org.thywill.api.client.Connection;
import org.thywill.api.client.ConnectionId;
import org.thywill.api.client.SessionId;
import org.thywill.api.database.MembershipStore;
import org.thywill.api.presence.PresentSession;

/**
 * Channel membership by session and who is present, for the sessions connected here: the cache in front of the
 * Database's {@link MembershipStore}. A session's channels in an application are read from the store when its first
 * connection to that application arrives and forgotten when its last one has been gone for the grace period;
 * joins and leaves write through. The send path reads concurrent sets only, never the store.
 *
 * <p>All changes for one session in one application happen under one lock (of a fixed set of stripes), which
 * orders that session's presence events; store calls happen under it too, so a load never misses a concurrent
 * join. Sessions in other stripes carry on meanwhile.
 */
final class SessionChannels {

    private static final Logger LOG = LoggerFactory.getLogger(SessionChannels.class);

    private static final int STRIPES = 256;

    /** One session in one application. */
    private record AppSession(String applicationId, SessionId session) {
    }

    /** One application channel. */
    private record ChannelKey(String applicationId, String channel) {
    }

    /**
     * A session's standing in one application while it is present here. Fields are changed under the stripe's
     * lock; the sets are concurrent so that senders read them without it.
     */
    private static final class Standing {
        final Set<String> channels = ConcurrentHashMap.newKeySet();
        final Set<ConnectionId> connections = ConcurrentHashMap.newKeySet();
        /** Whether the stored channels were read; false while the store cannot be reached. */
        boolean loaded;
        /** Moves on whenever a departure is scheduled or called off, so a stale timer does nothing. */
        int departure;
        ScheduledFuture<?> timer;
    }

    private final MembershipStore store;
    private final PresenceEvents events;
    private final Duration grace;
    private final Map<AppSession, Standing> present = new ConcurrentHashMap<>();
    private final Map<ChannelKey, Set<SessionId>> members = new ConcurrentHashMap<>();
    private final Map<ConnectionId, Set<AppSession>> attached = new ConcurrentHashMap<>();
    private final Object[] stripes = new Object[STRIPES];

    /**
     * @param store where membership is kept
     * @param events told of presence changes
     * @param grace how long a session that lost its last connection stays present
     */
    SessionChannels(MembershipStore store, PresenceEvents events, Duration grace) {
        this.store = store;
        this.events = events;
        this.grace = grace;
        for (int i = 0; i < STRIPES; i++) {
            stripes[i] = new Object();
        }
    }

    /**
     * Attaches a live connection to its session's channels of an application. The session's first connection (or
     * its first after the grace period) makes it present in each of its channels. Idempotent.
     *
     * @param applicationId the application
     * @param connection the connection
     */
    void attach(String applicationId, Connection connection) {
        AppSession key = new AppSession(applicationId, connection.session());
        Set<AppSession> already = attached.get(connection.id());
        if (already != null && already.contains(key)) {
            return;
        }
        synchronized (lock(key)) {
            Standing standing = present.computeIfAbsent(key, k -> new Standing());
            if (!standing.loaded) {
                load(key, standing);
            }
            callOffDeparture(standing);
            standing.connections.add(connection.id());
            attached.compute(connection.id(), (id, keys) -> {
                Set<AppSession> set = keys != null ? keys : ConcurrentHashMap.newKeySet();
                set.add(key);
                return set;
            });
        }
    }

    /**
     * Detaches a connection that ended. A session that lost its last connection to an application leaves that
     * application's channels once the grace period has passed without a new one.
     *
     * @param connection the connection
     */
    void detach(ConnectionId connection) {
        Set<AppSession> keys = attached.remove(connection);
        if (keys == null) {
            return;
        }
        for (AppSession key : keys) {
            synchronized (lock(key)) {
                Standing standing = present.get(key);
                if (standing != null && standing.connections.remove(connection) && standing.connections.isEmpty()) {
                    scheduleDeparture(key, standing);
                }
            }
        }
    }

    /**
     * @param applicationId the application
     * @param channel the channel
     * @param session a session, connected or not
     * @throws org.thywill.api.ThywillException if the store fails and the session is not present here
     */
    void join(String applicationId, String channel, SessionId session) {
        AppSession key = new AppSession(applicationId, session);
        synchronized (lock(key)) {
            Standing standing = present.get(key);
            if (standing != null && standing.loaded && standing.channels.contains(channel)) {
                return; // a member already, as stored: nothing to write
            }
            try {
                store.add(applicationId, channel, session);
            } catch (RuntimeException e) {
                if (standing == null) {
                    throw e;
                }
                LOG.error("{} The session is a member of channel '{}' of {} while it stays connected, but not after"
                        + " it reconnects later or the server restarts.", e.getMessage(), channel, applicationId);
            }
            if (standing != null && standing.channels.add(channel)) {
                index(key, channel);
                events.joined(applicationId, channel, session);
            }
        }
    }

    /**
     * @param applicationId the application
     * @param channel the channel
     * @param session a session, connected or not
     * @throws org.thywill.api.ThywillException if the store fails and the session is not present here
     */
    void leave(String applicationId, String channel, SessionId session) {
        AppSession key = new AppSession(applicationId, session);
        synchronized (lock(key)) {
            Standing standing = present.get(key);
            try {
                store.remove(applicationId, channel, session);
            } catch (RuntimeException e) {
                if (standing == null) {
                    throw e;
                }
                LOG.error("{} The session has left channel '{}' of {} for now, but is a member again when it"
                        + " reconnects later or the server restarts.", e.getMessage(), channel, applicationId);
            }
            if (standing != null && standing.channels.remove(channel)) {
                unindex(key, channel);
                events.left(applicationId, channel, session);
            }
        }
    }

    /**
     * @param applicationId the application
     * @param channel the channel
     * @param exceptSession a session whose connections to leave out, or null
     * @param exceptConnection a connection to leave out, or null
     * @return the live connections of the channel's present members
     */
    List<ConnectionId> connections(String applicationId, String channel, SessionId exceptSession,
                                   ConnectionId exceptConnection) {
        Set<SessionId> sessions = members.get(new ChannelKey(applicationId, channel));
        if (sessions == null) {
            return List.of();
        }
        List<ConnectionId> targets = new ArrayList<>();
        for (SessionId session : sessions) {
            Standing standing = session.equals(exceptSession) ? null
                    : present.get(new AppSession(applicationId, session));
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

    /**
     * @param applicationId the application
     * @param channel the channel
     * @param exceptSession a session to leave out, or null
     * @return the member sessions present here, also those in their grace period without a connection
     */
    List<SessionId> presentMembers(String applicationId, String channel, SessionId exceptSession) {
        Set<SessionId> sessions = members.get(new ChannelKey(applicationId, channel));
        if (sessions == null) {
            return List.of();
        }
        List<SessionId> present = new ArrayList<>(sessions.size());
        for (SessionId session : sessions) {
            if (!session.equals(exceptSession)) {
                present.add(session);
            }
        }
        return present;
    }

    /**
     * @param applicationId the application
     * @param channel the channel
     * @return the sessions present in it, with their live connection counts
     */
    List<PresentSession> presence(String applicationId, String channel) {
        Set<SessionId> sessions = members.get(new ChannelKey(applicationId, channel));
        if (sessions == null) {
            return List.of();
        }
        List<PresentSession> here = new ArrayList<>();
        for (SessionId session : sessions) {
            Standing standing = present.get(new AppSession(applicationId, session));
            if (standing != null) {
                here.add(new PresentSession(session, standing.connections.size()));
            }
        }
        return List.copyOf(here);
    }

    /** @return a snapshot of every channel with a member present here, and its cached members */
    List<ChannelState> channels() {
        List<ChannelState> all = new ArrayList<>();
        members.forEach((key, sessions) -> all.add(new ChannelState(key.applicationId(), key.channel(),
                Set.copyOf(sessions), presence(key.applicationId(), key.channel()))));
        return all;
    }

    /**
     * @param applicationId the application
     * @param channel the channel
     * @return every member session, from the store and (should the store have missed a join) the cache
     */
    Set<SessionId> memberSessions(String applicationId, String channel) {
        Set<SessionId> all = new HashSet<>(store.sessionsIn(applicationId, channel));
        all.addAll(members.getOrDefault(new ChannelKey(applicationId, channel), Set.of()));
        return Set.copyOf(all);
    }

    /** Reads a session's stored channels; each one it was not present in yet, it now is. */
    private void load(AppSession key, Standing standing) {
        Set<String> stored;
        try {
            stored = store.channelsOf(key.applicationId(), key.session());
        } catch (RuntimeException e) {
            LOG.error("{} A session connecting to {} receives only the channels it joins from now on, until it"
                    + " connects again.", e.getMessage(), key.applicationId());
            return;
        }
        standing.loaded = true;
        for (String channel : stored) {
            if (standing.channels.add(channel)) {
                index(key, channel);
                events.joined(key.applicationId(), channel, key.session());
            }
        }
    }

    private void callOffDeparture(Standing standing) {
        standing.departure++;
        if (standing.timer != null) {
            standing.timer.cancel(false);
            standing.timer = null;
        }
    }

    private void scheduleDeparture(AppSession key, Standing standing) {
        int departure = ++standing.departure;
        if (grace.isZero()) {
            depart(key, standing);
            return;
        }
        standing.timer = events.schedule(() -> {
            synchronized (lock(key)) {
                if (standing.departure == departure && standing.connections.isEmpty()
                        && present.get(key) == standing) {
                    depart(key, standing);
                }
            }
        }, grace);
    }

    /** The session is gone from the application: it leaves each of its channels, and its cache is dropped. */
    private void depart(AppSession key, Standing standing) {
        present.remove(key, standing);
        standing.timer = null;
        for (String channel : standing.channels) {
            unindex(key, channel);
            events.left(key.applicationId(), channel, key.session());
        }
    }

    private void index(AppSession key, String channel) {
        members.compute(new ChannelKey(key.applicationId(), channel), (k, sessions) -> {
            Set<SessionId> set = sessions != null ? sessions : ConcurrentHashMap.newKeySet();
            set.add(key.session());
            return set;
        });
    }

    private void unindex(AppSession key, String channel) {
        members.computeIfPresent(new ChannelKey(key.applicationId(), channel), (k, sessions) -> {
            sessions.remove(key.session());
            return sessions.isEmpty() ? null : sessions;
        });
    }

    private Object lock(AppSession key) {
        return stripes[Math.floorMod(key.hashCode(), STRIPES)];
    }
}
