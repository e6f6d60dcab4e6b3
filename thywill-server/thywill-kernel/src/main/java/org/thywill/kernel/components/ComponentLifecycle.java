package org.thywill.kernel.components;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.thywill.api.ThywillException;

/**
 * Starts components in order and stops them in reverse; when one fails to start, stops those already started
 * before reporting the failure, so nothing is left running. Not thread-safe: the kernel drives it from one thread.
 */
public final class ComponentLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(ComponentLifecycle.class);
    private final Deque<ChosenComponent> started = new ArrayDeque<>();

    /**
     * @param inOrder the components, dependencies first
     * @throws ThywillException naming the component that failed, after the others were stopped
     */
    public void start(List<ChosenComponent> inOrder) {
        for (ChosenComponent c : inOrder) {
            try {
                c.component().start();
            } catch (Exception | LinkageError e) {
                stop();
                String reason = e instanceof ThywillException ? e.getMessage() : e.toString();
                throw new ThywillException("The " + c.describe() + " component failed to start: " + reason, e);
            }
            started.push(c);
            LOG.debug("Started {}", c.describe());
        }
    }

    /** Stops every started component, last started first. A failing stop is logged and the others still stop. */
    public void stop() {
        stop(() -> { });
    }

    /**
     * Stops every started component, last started first.
     *
     * @param beforeLast run just before the first started component (the Log) stops, so what it logs still reaches
     *                   every appender the Log configured
     */
    public void stop(Runnable beforeLast) {
        if (started.isEmpty()) {
            beforeLast.run();
        }
        while (!started.isEmpty()) {
            ChosenComponent c = started.pop();
            if (started.isEmpty()) {
                beforeLast.run();
            }
            try {
                c.component().stop();
                LOG.debug("Stopped {}", c.describe());
            } catch (RuntimeException e) {
                LOG.warn("The {} component failed to stop cleanly", c.describe(), e);
            }
        }
    }

    /** @return how many components are running */
    public int running() {
        return started.size();
    }
}
