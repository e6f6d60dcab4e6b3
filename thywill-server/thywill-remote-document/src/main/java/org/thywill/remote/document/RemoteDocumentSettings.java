package org.thywill.remote.document;

import java.time.Duration;
import java.util.Objects;

/**
 * How a remote-document application runs; its {@link RemoteDocumentApplication#settings()} returns them.
 *
 * <table>
 *   <caption>Settings</caption>
 *   <tr><th>Name</th><th>Default</th><th>Description</th></tr>
 *   <tr><td>readTimeout</td><td>10s</td><td>How long a read waits for the browser before it fails.</td></tr>
 *   <tr><td>workerThreads</td><td>8</td><td>Threads running the documents' callbacks (each document uses one at
 *       a time).</td></tr>
 *   <tr><td>browserMessagesPerSecond</td><td>50</td><td>The most messages a page sends the server a second
 *       (events, read answers, route changes, coalesced); keep it under the Client Interface's
 *       {@code maxMessagesPerSecond} (100 by default).</td></tr>
 *   <tr><td>browserMaxMessageSize</td><td>60000</td><td>The largest message a page sends, in characters; keep it
 *       under the Client Interface's {@code maxMessageSize} (65536 by default). A read whose answer is larger
 *       fails.</td></tr>
 * </table>
 *
 * @param readTimeout how long a read waits for the browser
 * @param workerThreads threads running the documents' callbacks
 * @param browserMessagesPerSecond the most messages a page sends a second
 * @param browserMaxMessageSize the largest message a page sends, in characters
 */
public record RemoteDocumentSettings(Duration readTimeout, int workerThreads, int browserMessagesPerSecond,
                                     int browserMaxMessageSize) {

    /** The defaults, which suit the Client Interface's defaults. */
    public static final RemoteDocumentSettings DEFAULTS = new RemoteDocumentSettings(Duration.ofSeconds(10), 8, 50,
            60_000);

    /**
     * Validates.
     *
     * @throws IllegalArgumentException naming the setting and what it accepts
     */
    public RemoteDocumentSettings {
        Objects.requireNonNull(readTimeout, "readTimeout");
        require(readTimeout.toMillis() >= 10, "readTimeout is at least 10ms, not " + readTimeout);
        require(workerThreads >= 1 && workerThreads <= 1024, "workerThreads is 1 to 1024, not " + workerThreads);
        require(browserMessagesPerSecond >= 1, "browserMessagesPerSecond is at least 1, not "
                + browserMessagesPerSecond);
        require(browserMaxMessageSize >= 1024, "browserMaxMessageSize is at least 1024, not " + browserMaxMessageSize);
    }

    /**
     * @param timeout how long a read waits
     * @return a copy with that timeout
     */
    public RemoteDocumentSettings withReadTimeout(Duration timeout) {
        return new RemoteDocumentSettings(timeout, workerThreads, browserMessagesPerSecond, browserMaxMessageSize);
    }

    /**
     * @param threads the worker threads
     * @return a copy with that many
     */
    public RemoteDocumentSettings withWorkerThreads(int threads) {
        return new RemoteDocumentSettings(readTimeout, threads, browserMessagesPerSecond, browserMaxMessageSize);
    }

    /**
     * @param perSecond the most messages a page sends a second
     * @return a copy with that budget
     */
    public RemoteDocumentSettings withBrowserMessagesPerSecond(int perSecond) {
        return new RemoteDocumentSettings(readTimeout, workerThreads, perSecond, browserMaxMessageSize);
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException("RemoteDocumentSettings: " + message + ".");
        }
    }
}
