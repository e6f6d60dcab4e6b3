package org.thywill.database.jdbc;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * When this server last wrote (or queued the write of) each session's activity, so that a busy session costs one
 * write per touch interval however often it loads pages or polls, and a session known active needs no query: the
 * scavenger deletes only sessions inactive for longer than the lifetime plus this interval. Holds the sessions
 * active on this server within the last interval; older entries are forgotten by {@link #forgetBefore}.
 */
final class SessionActivity {

    private final Map<String, Long> touched = new ConcurrentHashMap<>();
    private final long intervalMillis;

    /** @param intervalMillis how long a written activity counts as recent */
    SessionActivity(long intervalMillis) {
        this.intervalMillis = intervalMillis;
    }

    /**
     * @param session a session's id
     * @param nowMillis the time now
     * @return whether the session's activity was written (or queued) within the interval
     */
    boolean recent(String session, long nowMillis) {
        Long at = touched.get(session);
        return at != null && nowMillis - at < intervalMillis;
    }

    /**
     * @param session a session's id, active now
     * @param nowMillis the time now
     * @return whether its activity is due to be written; only one of several callers at once is told so
     */
    boolean due(String session, long nowMillis) {
        boolean[] due = {false};
        touched.compute(session, (id, at) -> {
            if (at != null && nowMillis - at < intervalMillis) {
                return at;
            }
            due[0] = true;
            return nowMillis;
        });
        return due[0];
    }

    /** @param nowMillis the time now: entries older than the interval are dropped, as they no longer count */
    void forgetBefore(long nowMillis) {
        touched.values().removeIf(at -> nowMillis - at >= intervalMillis);
    }

    /** @return how many sessions it holds */
    int size() {
        return touched.size();
    }
}
