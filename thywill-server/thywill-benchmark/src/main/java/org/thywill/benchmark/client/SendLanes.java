package org.thywill.benchmark.client;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * A few serial lanes that the pacing threads hand sends to, so that a pacing thread only keeps time. CometD's
 * long-polling client writes a publish's HTTP request on the caller's thread; a pacing thread that sent itself
 * got too little CPU on a loaded machine and offered a fraction of the asked rate. A key (a client's index) always
 * maps to the same lane, and a lane runs one send at a time in the order offered, so each client's messages stay
 * in order. A lane holds a bounded backlog; a send offered to a full lane is not made, and is counted, so a
 * generator that cannot keep up shows as a lower sent rate rather than as a growing queue.
 */
final class SendLanes implements AutoCloseable {

    private final List<ThreadPoolExecutor> lanes = new ArrayList<>();
    private final LongAdder refused = new LongAdder();

    /**
     * @param count the lanes, each one thread, more than 0
     * @param backlog the sends each lane may hold waiting, more than 0
     */
    SendLanes(int count, int backlog) {
        if (count < 1 || backlog < 1) {
            throw new IllegalArgumentException("Send lanes need at least one lane and a backlog of one: "
                    + count + " lanes, backlog " + backlog + ".");
        }
        for (int i = 0; i < count; i++) {
            lanes.add(new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(backlog),
                    ClientResources.daemon("load-send-" + i)));
        }
    }

    /**
     * @param key a client's index
     * @param lanes the number of lanes
     * @return the lane that key's sends go to, from 0 to {@code lanes - 1}, the same every time
     */
    static int lane(int key, int lanes) {
        return Math.floorMod(key, lanes);
    }

    /**
     * Queues a send behind the earlier sends of its lane.
     *
     * @param key a client's index: sends with the same key run in the order offered
     * @param send the send
     * @return false if the lane's backlog was full and the send will not be made
     */
    boolean offer(int key, Runnable send) {
        try {
            lanes.get(lane(key, lanes.size())).execute(send);
            return true;
        } catch (RejectedExecutionException e) {
            refused.increment();
            return false;
        }
    }

    /** @return sends not made because their lane's backlog was full (or the lanes were closed) */
    long refused() {
        return refused.sum();
    }

    /** Makes the sends already queued, waiting a few seconds at most, then stops the lanes' threads. */
    @Override
    public void close() {
        lanes.forEach(ThreadPoolExecutor::shutdown);
        try {
            for (ThreadPoolExecutor lane : lanes) {
                if (!lane.awaitTermination(5, TimeUnit.SECONDS)) {
                    lane.shutdownNow();
                }
            }
        } catch (InterruptedException e) {
            lanes.forEach(ThreadPoolExecutor::shutdownNow);
            Thread.currentThread().interrupt();
        }
    }
}
