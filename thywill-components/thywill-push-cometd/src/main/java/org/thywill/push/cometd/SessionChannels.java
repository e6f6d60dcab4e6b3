package org.thywill.push.cometd;

import java.time.Duration;
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
import org.thywill.delivery.AppSession;
import org.thywill.delivery.LocalMembers;
import org.thywill.delivery.Memberships;
import org.thywill.delivery.PresenceEvents;
import org.thywill.delivery.UserPresence;

/**
 * Channel membership by session and who is present, for the sessions connected here: the Database's
 * {@link MembershipStore} behind the {@link LocalMembers} the send path reads. A session's channels in an
 * application are read from the store when its first connection to that application arrives and forgotten when its
 * last one has been gone for the grace period; joins and leaves write through.
 *
 * <p>All changes for one session in one application happen under its lock in {@link LocalMembers}, which orders
 * that session's presence events; store calls happen under it too, so a load never misses a concurrent join.
 */
final class SessionChannels implements Memberships {

    private static final Logger LOG = LoggerFactory.getLogger(SessionChannels.class);

    /** A departure scheduled for the end of the grace period; called off by a new connection. */
    private static final class Departure {
        ScheduledFuture<?> timer;
    }

    private final MembershipStore store;
    private final PresenceEvents events;
    private final Duration grace;
    private final LocalMembers local = new LocalMembers();
    private final UserPresence users;
    private final Map<AppSession, Departure> departures = new ConcurrentHashMap<>();

    /**
     * @param store where membership is kept
     * @param events told of presence changes
     * @param grace how long a session that lost its last connection stays present
     */
    SessionChannels(MembershipStore store, PresenceEvents events, Duration grace) {
        this.store = store;
        this.events = events;
        this.grace = grace;
        this.users = new UserPresence(events);
    }

    /** @return the sessions held here and their channels, which the send path reads */
    @Override
    public LocalMembers local() {
        return local;
    }

    /**
     * Attaches a live connection to its session's channels of an application. The session's first connection (or
     * its first after the grace period) makes it present in each of its channels. Idempotent.
     *
     * @param applicationId the application
     * @param connection the connection
     */
    @Override
    public void attach(String applicationId, Connection connection) {
        AppSession key = new AppSession(applicationId, connection.session());
        synchronized (local.lock(key)) {
            if (local.attach(key, connection.id()) == 0) {
                return;
            }
            Departure departure = departures.remove(key);
            if (departure != null && departure.timer != null) {
                departure.timer.cancel(false);
            }
            if (!local.loaded(key)) {
                load(key);
            }
            users.arrived(key, connection);
        }
    }

    /**
     * Detaches a connection that ended. A session that lost its last connection to an application leaves that
     * application's channels once the grace period has passed without a new one.
     *
     * @param connection the connection
     */
    @Override
    public void detach(ConnectionId connection) {
        for (AppSession key : local.attachedTo(connection)) {
            synchronized (local.lock(key)) {
                if (local.detach(key, connection, true) == 0) {
                    scheduleDeparture(key);
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
    @Override
    public void join(String applicationId, String channel, SessionId session) {
        AppSession key = new AppSession(applicationId, session);
        synchronized (local.lock(key)) {
            boolean held = local.holds(key);
            if (held && local.loaded(key) && local.isMember(key, channel)) {
                return; // a member already, as stored: nothing to write
            }
            try {
                store.add(applicationId, channel, session);
            } catch (RuntimeException e) {
                if (!held) {
                    throw e;
                }
                LOG.error("{} The session is a member of channel '{}' of {} while it stays connected, but not after"
                        + " it reconnects later or the server restarts.", e.getMessage(), channel, applicationId);
            }
            if (local.addChannel(key, channel)) {
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
    @Override
    public void leave(String applicationId, String channel, SessionId session) {
        AppSession key = new AppSession(applicationId, session);
        synchronized (local.lock(key)) {
            try {
                store.remove(applicationId, channel, session);
            } catch (RuntimeException e) {
                if (!local.holds(key)) {
                    throw e;
                }
                LOG.error("{} The session has left channel '{}' of {} for now, but is a member again when it"
                        + " reconnects later or the server restarts.", e.getMessage(), channel, applicationId);
            }
            if (local.removeChannel(key, channel)) {
                events.left(applicationId, channel, session);
            }
        }
    }

    /**
     * @param applicationId the application
     * @param channel the channel
     * @return the sessions present in it, with their live connection counts
     */
    @Override
    public List<PresentSession> presence(String applicationId, String channel) {
        return local.presence(applicationId, channel);
    }

    /** @return a snapshot of every channel with a member present here, and its cached members */
    List<ChannelState> channels() {
        return local.channels();
    }

    /**
     * @param applicationId the application
     * @param channel the channel
     * @return every member session, from the store and (should the store have missed a join) the cache
     */
    @Override
    public Set<SessionId> memberSessions(String applicationId, String channel) {
        Set<SessionId> all = new HashSet<>(store.sessionsIn(applicationId, channel));
        all.addAll(local.heldMembers(applicationId, channel));
        return Set.copyOf(all);
    }

    /** Reads a session's stored channels; each one it was not present in yet, it now is. */
    private void load(AppSession key) {
        Set<String> stored;
        try {
            stored = store.channelsOf(key.applicationId(), key.session());
        } catch (RuntimeException e) {
            LOG.error("{} A session connecting to {} receives only the channels it joins from now on, until it"
                    + " connects again.", e.getMessage(), key.applicationId());
            return;
        }
        Set<String> kept = new HashSet<>(stored);
        kept.addAll(local.channels(key)); // joined meanwhile, while the store could not be read
        for (String channel : local.load(key, kept)) {
            events.joined(key.applicationId(), channel, key.session());
        }
    }

    private void scheduleDeparture(AppSession key) {
        if (grace.isZero()) {
            depart(key);
            return;
        }
        Departure departure = new Departure();
        departures.put(key, departure);
        departure.timer = events.schedule(() -> {
            synchronized (local.lock(key)) {
                if (departures.remove(key, departure)) {
                    depart(key);
                }
            }
        }, grace);
    }

    /** The session is gone from the application: it leaves each of its channels, and its cache is dropped. */
    private void depart(AppSession key) {
        for (String channel : local.depart(key)) {
            events.left(key.applicationId(), channel, key.session());
        }
        users.departed(key);
    }
}
