package org.thywill.remote.document;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The reads of one document that wait for the browser's answer, each with its deadline. Answers, timeouts and
 * closing all complete them on the document's sequence, so a read's continuation runs like any other callback.
 */
final class PendingReads {

    private record Pending(CompletableFuture<Object> future, String what, ScheduledFuture<?> deadline) {
    }

    private final Map<Integer, Pending> pending = new ConcurrentHashMap<>();
    private final ScheduledExecutorService clock;
    private final Consumer<Runnable> onSequence;

    /**
     * @param clock schedules the deadlines
     * @param onSequence runs a task on the document's sequence
     */
    PendingReads(ScheduledExecutorService clock, Consumer<Runnable> onSequence) {
        this.clock = clock;
        this.onSequence = onSequence;
    }

    /**
     * @param id the read's id, as sent
     * @param what what is read, for error messages
     * @param timeout how long the browser has to answer
     * @return the future the answer completes
     */
    CompletableFuture<Object> register(int id, String what, Duration timeout) {
        CompletableFuture<Object> future = new CompletableFuture<>();
        ScheduledFuture<?> deadline;
        try {
            deadline = clock.schedule(() -> onSequence.accept(() -> expire(id, timeout)), timeout.toMillis(),
                    TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            future.completeExceptionally(new DocumentClosedException("The application is stopping: " + what
                    + " was not read."));
            return future;
        }
        pending.put(id, new Pending(future, what, deadline));
        return future;
    }

    /** Completes a read with the browser's answer; an unknown id (timed out already) is ignored. */
    void answer(Inbound.Reply reply) {
        Pending p = pending.remove(reply.id());
        if (p == null) {
            return;
        }
        p.deadline().cancel(false);
        if (reply.error() != null) {
            p.future().completeExceptionally(new BrowserException("The browser could not read " + p.what() + ": "
                    + reply.error()));
        } else {
            p.future().complete(reply.value());
        }
    }

    /**
     * @param failure makes the exception for a read, from what it reads
     */
    void failAll(Function<String, RuntimeException> failure) {
        for (Integer id : pending.keySet()) {
            Pending p = pending.remove(id);
            if (p != null) {
                p.deadline().cancel(false);
                p.future().completeExceptionally(failure.apply(p.what()));
            }
        }
    }

    private void expire(int id, Duration timeout) {
        Pending p = pending.remove(id);
        if (p != null) {
            p.future().completeExceptionally(new ReadTimeoutException("The browser did not answer the read of "
                    + p.what() + " within " + timeout.toMillis() + " ms: the page may be frozen or its network gone."
                    + " Try again, or raise RemoteDocumentSettings.readTimeout."));
        }
    }
}
