package org.thywill.push.redis;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * One message between nodes on the cluster's pub/sub channel, as compact JSON: who sent it, what kind it is, and
 * the fields of that kind. Deliveries carry the application's envelope; the other kinds keep the nodes' caches
 * of membership in step and announce nodes that went down. Deliveries are also kept in the cluster's log, and
 * published as the log entry's id, a space and the JSON.
 *
 * @param id the log entry's id, for a delivery read from the bus or the log; null otherwise
 * @param origin the node that published it
 * @param kind what it is
 * @param fields its fields, JSON values
 */
record BusMessage(String id, String origin, Kind kind, Map<String, Object> fields) {

    /** Jackson's mapper is thread-safe once configured; this one is never reconfigured. */
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What a bus message asks of the nodes that receive it. */
    enum Kind {
        /** Deliver to one connection: {@code connection, app, envelope}, and optionally {@code receipt}. */
        CONNECTION,
        /** Deliver to a session's connections: {@code session, app, envelope}, and optionally {@code receipt}. */
        SESSION,
        /** Deliver to a channel's members: {@code app, channel, envelope}, and optionally {@code exceptSession},
         *  {@code exceptConnection} and {@code atMostOnce} (true: to the live connections, not the inboxes). */
        CHANNEL,
        /** A session became a member of a channel: {@code app, channel, session}. */
        JOIN,
        /** A session stopped being a member of a channel: {@code app, channel, session}. */
        LEAVE,
        /** A session's first connection on a node arrived: {@code app, session}. The nodes where it lingers stop
         *  holding it, as its messages now go to that node. */
        ARRIVED,
        /** A node was declared down: {@code node, sessions} (a list of {@code [app, session]} pairs of the sessions
         *  connected there), {@code lingering} (those whose last connection ended there) and {@code from} (the
         *  last log entry it recorded as handled, if it recorded one). */
        NODE_DOWN,
        /** A user was logged out everywhere: {@code user, message}. Every node ends the user's connections. */
        SIGN_OUT,
        /** A node holds a message sent with a receipt: {@code to} (the sender), {@code receipt}. */
        HELD,
        /** A message's receipt completed: {@code to, receipt, seq}, and {@code at} (acknowledged, epoch
         *  milliseconds), {@code failure} (a {@code DeliveryFailure}) or {@code error}. */
        RECEIPT;

        /** @return whether messages of this kind are deliveries, kept in the log */
        boolean logged() {
            return this == CONNECTION || this == SESSION || this == CHANNEL;
        }
    }

    /**
     * @param origin the publishing node
     * @param kind the kind
     * @param keysAndValues the fields, alternating names and values; null values are left out
     * @return the message
     */
    static BusMessage of(String origin, Kind kind, Object... keysAndValues) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            if (keysAndValues[i + 1] != null) {
                fields.put((String) keysAndValues[i], keysAndValues[i + 1]);
            }
        }
        return new BusMessage(null, origin, kind, fields);
    }

    /** @return the JSON text to publish */
    String encode() {
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("origin", origin);
        all.put("kind", kind.name());
        all.put("fields", fields);
        try {
            return JSON.writeValueAsString(all);
        } catch (JsonProcessingException e) {
            // Its fields are ids, numbers and an application's envelope, a JSON value tree, which always encodes.
            throw new IllegalArgumentException("A bus message cannot be written as JSON: " + e.getMessage(), e);
        }
    }

    /**
     * @param text a published message: JSON, or a log entry's id, a space and JSON
     * @return the message
     * @throws IllegalArgumentException if it is not one (another program publishing on the channel)
     */
    static BusMessage decode(String text) {
        int space = text.indexOf(' ');
        if (text.startsWith("{") || space < 0) {
            return decode(null, text);
        }
        return decode(text.substring(0, space), text.substring(space + 1));
    }

    /**
     * @param id the log entry's id, or null
     * @param json the message's JSON
     * @return the message
     * @throws IllegalArgumentException if it is not one
     */
    @SuppressWarnings("unchecked")
    static BusMessage decode(String id, String json) {
        if (!(parse(json) instanceof Map<?, ?> all) || !(all.get("origin") instanceof String origin)
                || !(all.get("kind") instanceof String kind) || !(all.get("fields") instanceof Map<?, ?> fields)) {
            throw new IllegalArgumentException("not a Thywill bus message");
        }
        try {
            return new BusMessage(id, origin, Kind.valueOf(kind), (Map<String, Object>) fields);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("an unknown kind of bus message: " + kind, e);
        }
    }

    private static Object parse(String json) {
        try {
            return JSON.readValue(json, Object.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** @return a text field, or null */
    String text(String name) {
        return fields.get(name) instanceof String s ? s : null;
    }

    /** @return the {@code envelope} field */
    @SuppressWarnings("unchecked")
    Map<String, Object> envelope() {
        return fields.get("envelope") instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    /** @return a list field, or an empty list */
    List<?> list(String name) {
        return fields.get(name) instanceof List<?> list ? list : List.of();
    }
}
