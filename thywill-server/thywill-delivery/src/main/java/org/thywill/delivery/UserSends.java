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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.thywill.api.client.Connection;
import org.thywill.api.client.SessionId;
import org.thywill.api.database.SessionStore;
import org.thywill.api.delivery.DeliveryFailedException;
import org.thywill.api.delivery.DeliveryFailure;
import org.thywill.api.delivery.Receipt;
import org.thywill.api.delivery.Sent;
import org.thywill.api.delivery.Target;
import org.thywill.api.push.Push;

/**
 * Sends to a user: each of the user's sessions, found in the Database, gets the message through the Push's own path
 * to a session (its inbox; in a cluster, the node holding it). The Database is read, and each session's user
 * written as its connections arrive, on one thread of its own, so a send never waits for the Database, and a
 * session whose connection arrived before a send is among those the send reaches.
 */
public final class UserSends {

    /** The most sessions of one user a send reaches: the most recently active ones. */
    public static final int MAX_SESSIONS = 100;

    private static final Logger LOG = LoggerFactory.getLogger(UserSends.class);

    private final SessionStore store;
    private final UsersHere here = new UsersHere();
    private volatile ExecutorService thread;

    /** @param store where each session's user is kept */
    public UserSends(SessionStore store) {
        this.store = store;
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
            run(() -> {
                try {
                    store.assignUser(connection.session(), user);
                } catch (RuntimeException e) {
                    LOG.error("{} Sends to user {} do not reach this session until it connects again.",
                            e.getMessage(), user);
                }
            });
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
