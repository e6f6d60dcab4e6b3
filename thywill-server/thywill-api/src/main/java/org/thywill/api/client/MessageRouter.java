package org.thywill.api.client;

import java.util.Map;

/**
 * Receives every message a client sends to an application. Registered with
 * {@link ClientInterface#route(MessageRouter)} by the Application Interface.
 *
 * <p>Called on the transport thread that read the message, in the order that connection sent them.
 */
public interface MessageRouter {

    /**
     * @param from the sending connection
     * @param applicationId the application the message is addressed to
     * @param envelope the message as sent, for example {@code {"type":"message","data":...}}
     * @throws ClientMessageException to answer the sender with an error envelope; nothing else is affected
     */
    void route(Connection from, String applicationId, Map<String, Object> envelope);
}
