package org.thywill.api.application;

import java.util.Objects;
import java.util.Optional;
import org.thywill.api.client.Connection;

/**
 * One message a client sent to an application, as {@link Application#onMessage(ClientMessage)} receives it: who sent
 * it, its data, and the id the client gave it. The id is what ties an answer to the message, for example the outcome
 * of a forward: {@link ApplicationContext#reportDelivery(ClientMessage, org.thywill.api.delivery.Sent)}.
 *
 * @param from the sending connection
 * @param data the message's {@code data}: a JSON value tree (Map, List, String, Long, Double, Boolean, null)
 * @param id the client's id of the message ({@code "id"} of {@code {"type":"message",...}}, 1 to 64 characters);
 *           the browser library gives every message one, a plain CometD client may give none
 */
public record ClientMessage(Connection from, Object data, Optional<String> id) {

    /** Validates. */
    public ClientMessage {
        Objects.requireNonNull(from, "from");
        id = id == null ? Optional.empty() : id;
    }
}
