package org.thywill.http;

import org.slf4j.MDC;
import org.thywill.api.client.Connection;

/**
 * The logging context (MDC) of a connection, so that every line logged while a message of it is handled names
 * {@value #APPLICATION}, {@value #SESSION} and {@value #CONNECTION} (the JSON log writes them as fields). The session
 * appears as its fingerprint ({@link org.thywill.api.admin.ServerView#fingerprint}), never as the id itself, which is
 * the browser's session cookie.
 */
public final class LogContext {

    /** The MDC key of the application's id. */
    public static final String APPLICATION = "applicationId";
    /** The MDC key of the session's fingerprint. */
    public static final String SESSION = "sessionId";
    /** The MDC key of the connection's id. */
    public static final String CONNECTION = "connectionId";

    private LogContext() {
    }

    /**
     * Sets the context of a connection on this thread; {@link #clear} undoes it.
     *
     * @param connection the connection
     * @param sessionLogId its session's fingerprint
     */
    public static void set(Connection connection, Object sessionLogId) {
        MDC.put(APPLICATION, connection.applicationId());
        MDC.put(SESSION, String.valueOf(sessionLogId));
        MDC.put(CONNECTION, connection.id().value());
    }

    /** @param applicationId the application a message addresses, when it is another than its page's */
    public static void application(String applicationId) {
        MDC.put(APPLICATION, applicationId);
    }

    /** Removes what {@link #set} put. */
    public static void clear() {
        MDC.remove(APPLICATION);
        MDC.remove(SESSION);
        MDC.remove(CONNECTION);
    }
}
