package org.thywill.apps.calculations;

import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.thywill.api.application.Application;
import org.thywill.api.application.ApplicationContext;
import org.thywill.api.application.ApplicationDescriptor;
import org.thywill.api.application.Callable;
import org.thywill.api.application.ClientSide;
import org.thywill.api.client.Connection;

/**
 * thywill-node's calculations example: the page calls these functions on the server by name and shows what comes
 * back. Arithmetic that has no answer (a division by zero, the square root of a negative number) throws, which the
 * caller sees as {@code failed}; {@link #slow} answers later, to show results that arrive asynchronously and calls
 * that time out; {@link #adminReset} is refused to every page by {@link #permits}.
 */
public final class CalculationsApplication implements Application {

    /** The longest {@link #slow} waits. */
    static final long MAX_WAIT_MS = 60_000;
    /** The functions no page may call. */
    private static final Set<String> ADMINISTRATION = Set.of("adminReset");

    private final AtomicLong calculations = new AtomicLong();
    private volatile ScheduledExecutorService timer;

    @Override
    public ApplicationDescriptor descriptor() {
        return new ApplicationDescriptor("calculations", "Thywill calculations",
                ClientSide.of("thywill/calculations", "calculations"));
    }

    @Override
    public void start(ApplicationContext context) {
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = new Thread(task, "calculations-slow");
            thread.setDaemon(true);
            return thread;
        });
        executor.setRemoveOnCancelPolicy(true);
        timer = executor;
    }

    @Override
    public void stop() {
        timer.shutdownNow();
    }

    /** A real application would ask who the caller is (a session it knows as an administrator's, say). */
    @Override
    public boolean permits(Connection caller, String function) {
        return !ADMINISTRATION.contains(function);
    }

    /**
     * @param a a number
     * @param b another
     * @return their sum
     */
    @Callable
    public double add(double a, double b) {
        return counted(a + b);
    }

    /**
     * @param a a number
     * @param b another
     * @return a minus b
     */
    @Callable
    public double subtract(double a, double b) {
        return counted(a - b);
    }

    /**
     * @param a a number
     * @param b another
     * @return their product
     */
    @Callable
    public double multiply(double a, double b) {
        return counted(a * b);
    }

    /**
     * @param a the dividend
     * @param b the divisor
     * @return a divided by b
     * @throws ArithmeticException when b is zero
     */
    @Callable
    public double divide(double a, double b) {
        if (b == 0) {
            throw new ArithmeticException("division of " + a + " by zero");
        }
        return counted(a / b);
    }

    /**
     * @param a a number
     * @return its square
     */
    @Callable
    public double square(double a) {
        return counted(a * a);
    }

    /**
     * @param a a number, at least zero
     * @return its square root
     * @throws ArithmeticException when a is negative
     */
    @Callable
    public double sqrt(double a) {
        if (a < 0) {
            throw new ArithmeticException("square root of the negative number " + a);
        }
        return counted(Math.sqrt(a));
    }

    /**
     * Answers after a while, without holding the transport thread meanwhile.
     *
     * @param ms how long to wait, from 0 to a minute
     * @return a stage completing with {@code ms} once that many milliseconds have passed
     * @throws IllegalArgumentException when ms is out of range
     */
    @Callable
    public CompletionStage<Long> slow(long ms) {
        if (ms < 0 || ms > MAX_WAIT_MS) {
            throw new IllegalArgumentException("slow(" + ms + "): wait from 0 to " + MAX_WAIT_MS + " ms");
        }
        CompletableFuture<Long> done = new CompletableFuture<>();
        timer.schedule(() -> done.complete(ms), ms, TimeUnit.MILLISECONDS);
        return done;
    }

    /** @return how many calculations the server has made since it started or was reset */
    @Callable
    public long count() {
        return calculations.get();
    }

    /**
     * Sets the count of calculations back to zero. {@link #permits} refuses it to every page.
     *
     * @return the count before
     */
    @Callable
    public long adminReset() {
        return calculations.getAndSet(0);
    }

    private double counted(double result) {
        if (Double.isNaN(result) || Double.isInfinite(result)) {
            throw new ArithmeticException("the result is too large for a number: " + result);
        }
        calculations.incrementAndGet();
        return result;
    }
}
