package org.thywill.remote.document;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * Decides which of the operations a page reports it could not apply ({@code domError}) reach the server's log: at
 * most {@value #LINES_PER_MINUTE} a minute per document, then one line saying the rest are counted, and at the start
 * of the next minute one line saying how many were. A hostile page that sends thousands in one message writes a
 * dozen lines. Used on the document's sequence only, so not thread-safe.
 */
final class BrowserErrorLog {

    /** The most browser errors of one document logged a minute. */
    static final int LINES_PER_MINUTE = 10;

    static final long WINDOW_MILLIS = 60_000;

    private final LongSupplier clockMillis;
    private long windowStart = Long.MIN_VALUE;
    private int logged;
    private long suppressed;

    /** @param clockMillis a monotonic clock in milliseconds */
    BrowserErrorLog(LongSupplier clockMillis) {
        this.clockMillis = clockMillis;
    }

    /**
     * @param errors the errors one message reported, already cut to length
     * @return the lines to log for them, in order
     */
    List<String> lines(List<String> errors) {
        List<String> lines = new ArrayList<>();
        long now = clockMillis.getAsLong();
        if (windowStart == Long.MIN_VALUE || now - windowStart >= WINDOW_MILLIS) {
            if (suppressed > 0) {
                lines.add(suppressed + " more operations the browser could not apply were not logged in the last"
                        + " minute (at most " + LINES_PER_MINUTE + " a minute)");
            }
            windowStart = now;
            logged = 0;
            suppressed = 0;
        }
        for (String error : errors) {
            if (logged < LINES_PER_MINUTE) {
                logged++;
                lines.add("the browser could not apply " + error);
            } else {
                if (suppressed == 0) {
                    lines.add("more than " + LINES_PER_MINUTE + " operations the browser could not apply this minute;"
                            + " the rest are counted, not logged");
                }
                suppressed++;
            }
        }
        return lines;
    }
}
