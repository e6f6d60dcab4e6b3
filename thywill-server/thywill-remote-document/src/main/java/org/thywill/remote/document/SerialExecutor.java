package org.thywill.remote.document;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs one document's tasks one at a time, in the order given, on a shared pool: what makes a document's callbacks
 * single-threaded without giving each document a thread, and keeps them off the server's threads.
 */
final class SerialExecutor implements Executor {

    private static final int FAIRNESS = 64;
    private final Executor pool;
    private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private volatile Thread runner;

    SerialExecutor(Executor pool) {
        this.pool = pool;
    }

    /** @throws RejectedExecutionException when the pool has shut down */
    @Override
    public void execute(Runnable task) {
        tasks.add(task);
        schedule();
    }

    /** @return true when called from inside one of this executor's tasks */
    boolean inTask() {
        return runner == Thread.currentThread();
    }

    private void schedule() {
        if (scheduled.compareAndSet(false, true)) {
            try {
                pool.execute(this::drain);
            } catch (RejectedExecutionException e) {
                scheduled.set(false);
                tasks.clear();
                throw e;
            }
        }
    }

    private void drain() {
        runner = Thread.currentThread();
        try {
            // A long queue yields the thread now and then, so one busy document cannot starve the others.
            for (int i = 0; i < FAIRNESS; i++) {
                Runnable task = tasks.poll();
                if (task == null) {
                    break;
                }
                task.run();
            }
        } finally {
            runner = null;
            scheduled.set(false);
        }
        if (!tasks.isEmpty()) {
            try {
                schedule();
            } catch (RejectedExecutionException ignored) {
                // The application is stopping: what is left will not run.
            }
        }
    }
}
