package org.thywill.delivery;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.thywill.api.client.Connection;
import org.thywill.api.client.SessionId;
import org.thywill.api.database.MembershipStore;
import org.thywill.api.database.SessionStore;
import org.thywill.api.delivery.DeliveryFailedException;
import org.thywill.api.delivery.DeliveryFailure;
import org.thywill.api.delivery.Receipt;
import org.thywill.api.delivery.Sent;
import org.thywill.api.delivery.Target;
import org.thywill.api.push.Push;

/**
 * Sends to a user, and makes a user a channel's member: each of the user's sessions, found in the Database, gets
 * the message through the Push's own path to a session (its inbox; in a cluster, the node holding it), or joins the
 * channel. The Database is read, and each session's user written as its connections arrive (then joined to the
 * user's channels), on one thread of its own, so a send never waits for the Database, and a session whose
 * connection arrived before a send is among those the send reaches.
 */
public final class UserSends {

    /** The most sessions of one user a send reaches: the most recently active ones. */
    public static final int MAX_SESSIONS = 100;

    private static final Logger LOG = LoggerFactory.getLogger(UserSends.class);

    private final SessionStore store;
    private final MembershipStore members;
    private final Memberships memberships;
    private final UsersHere here = new UsersHere();
    private volatile ExecutorService thread;

    /**
     * @param store where each session's user is kept
     * @param members where each user's channels are kept
     * @param memberships the Push's membership of sessions, which a user's sessions join
     */
    public UserSends(SessionStore store, MembershipStore members, Memberships memberships) {
        this.store = store;
        this.members = members;
        this.memberships = memberships;
    }

    /** Starts the thread that reads and writes the Database. */
    public void start() {
        thread = Executors.newSingleThreadExecutor(task -> {
            Thread t = new Thread(task, "thywill-user-sends");
            t.setDaemon(true);
            return t;
        });
    }

    /** Stops it; sends still waiting for their sessions are dropped, as the server is going down. */
    public void stop() {
        ExecutorService running = thread;
        thread = null;
        if (running != null) {
            running.shutdownNow();
        }
    }

    /** @return the live connections held here of each user */
    public UsersHere here() {
        return here;
    }

    /**
     * Records a connection; the first of its session for its user stores the session's user.
     *
     * @param connection a connection that arrived
     */
    public void connected(Connection connection) {
        if (here.add(connection)) {
            String user = connection.user().orElseThrow().id();
            String app = connection.applicationId();
            run(() -> {
                try {
                    store.assignUser(connection.session(), user);
                    members.channelsOfUser(app, user).forEach(channel ->
                            memberships.join(app, channel, connection.session()));
                } catch (RuntimeException e) {
                    LOG.error("{} Sends to user {} do not reach this session, and it may miss channels the user"
                            + " joined, until it connects again.", e.getMessage(), user);
                }
            });
        }
    }

    /**
     * Makes the user a member of a channel, and each of their sessions now; their later sessions join as they
     * connect. Behind the call, on this thread of its own.
     *
     * @param applicationId the application owning the channel
     * @param channel the channel's name
     * @param user the user's id
     */
    public void join(String applicationId, String channel, String user) {
        run(() -> forEachSession(user, "join channel '" + channel + "' of " + applicationId, () ->
                members.addUser(applicationId, channel, user),
                session -> memberships.join(applicationId, channel, session)));
    }

    /**
     * Ends the user's membership of a channel, and that of each of their sessions, behind the call.
     *
     * @param applicationId the application owning the channel
     * @param channel the channel's name
     * @param user the user's id
     */
    public void leave(String applicationId, String channel, String user) {
        run(() -> forEachSession(user, "leave channel '" + channel + "' of " + applicationId, () ->
                members.removeUser(applicationId, channel, user),
                session -> memberships.leave(applicationId, channel, session)));
    }

    private void forEachSession(String user, String what, Runnable first, Consumer<SessionId> each) {
        try {
            first.run();
            store.sessionsOf(user, MAX_SESSIONS).forEach(each);
        } catch (RuntimeException e) {
            LOG.error("{} User {} could not {}.", e.getMessage(), user, what);
        }
    }

    /** @param connection a connection that ended */
    public void disconnected(Connection connection) {
        here.remove(connection);
    }

    /**
     * Sends to every session of a user, each through {@code push} as to {@link Target#session}.
     *
     * @param push the Push, which reaches a session wherever it is
     * @param applicationId the sending application
     * @param to the user
     * @param envelope the envelope
     * @return the user's live connections here, and a receipt completing on the first acknowledgement by any of
     *         the user's pages
     */
    public Sent send(Push push, String applicationId, Target.ToUser to, Map<String, Object> envelope) {
        CompletableFuture<Receipt> receipt = new CompletableFuture<>();
        boolean queued = run(() -> {
            List<SessionId> sessions;
            try {
                sessions = store.sessionsOf(to.user(), MAX_SESSIONS);
            } catch (RuntimeException e) {
                LOG.error("{} A message to user {} of {} was not sent.", e.getMessage(), to.user(), applicationId);
                receipt.completeExceptionally(e);
                return;
            }
            List<CompletionStage<Receipt>> receipts = new ArrayList<>(sessions.size());
            for (SessionId session : sessions) {
                Target.ToSession target = to.receipted() ? Target.session(session).withReceipt()
                        : Target.session(session);
                receipts.add(push.send(applicationId, target, envelope).receipt());
            }
            if (to.receipted()) {
                firstOf(receipts, receipt);
            }
        });
        if (!queued) {
            receipt.completeExceptionally(new DeliveryFailedException(DeliveryFailure.SERVER_STOPPED, 0));
        }
        int live = here.of(to.user()).size();
        return to.receipted() ? new Sent(live, receipt) : Sent.withoutReceipt(live, to);
    }

    /** Completes {@code result} with the first receipt that completes, or fails it once every one failed. */
    private static void firstOf(List<CompletionStage<Receipt>> receipts, CompletableFuture<Receipt> result) {
        if (receipts.isEmpty()) {
            result.completeExceptionally(new DeliveryFailedException(DeliveryFailure.NO_SESSION, 0));
            return;
        }
        AtomicInteger failed = new AtomicInteger();
        for (CompletionStage<Receipt> receipt : receipts) {
            receipt.whenComplete((done, failure) -> {
                if (failure == null) {
                    result.complete(done);
                } else if (failed.incrementAndGet() == receipts.size()) {
                    result.completeExceptionally(failure instanceof CompletionException wrapped
                            && wrapped.getCause() != null ? wrapped.getCause() : failure);
                }
            });
        }
    }

    private boolean run(Runnable task) {
        ExecutorService running = thread;
        if (running == null) {
            return false;
        }
        try {
            running.execute(task);
            return true;
        } catch (RejectedExecutionException stopping) {
            return false;
        }
    }
}
