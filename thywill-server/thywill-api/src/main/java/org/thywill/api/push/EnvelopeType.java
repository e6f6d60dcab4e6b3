package org.thywill.api.push;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The kinds of envelope of Thywill's protocol (documentation/protocol.md), each with the {@code type} string it
 * travels under. This is the one place that spells those strings: a component reads an inbound envelope's kind with
 * {@link #of} and dispatches on the constant, and builds an outbound envelope with {@link #envelope}, so a new kind
 * is one more constant here rather than one more string in every component that handles envelopes.
 */
public enum EnvelopeType {

    /**
     * An application's message, either way: {@code {"type":"message","data":...}}. From a client it may carry an
     * {@code id} the server uses to drop a retried copy; to a client it may carry the session inbox's {@code seq},
     * a {@code receipt} number and, on a channel, the channel's name.
     */
    MESSAGE("message"),
    /**
     * A client library's acknowledgement of the session inbox ({@code {"type":"ack","seq":N}}) or of one receipted
     * message ({@code {"type":"ack","receipt":N}}); it stops at the Client Interface.
     */
    ACK("ack"),
    /** A client library's report of its handlers' latency: {@code {"type":"latency","ms":[...]}}. */
    LATENCY("latency"),
    /** A remote call to a {@link org.thywill.api.application.Callable} function: {@code {"type":"rpc",...}}. */
    CALL("rpc"),
    /** A remote call's result: {@code {"type":"rpc-result","id":..,"result":..}}. */
    CALL_RESULT("rpc-result"),
    /** A remote call's failure: {@code {"type":"rpc-error","id":..,"error":{"code":..,"message":..}}}. */
    CALL_ERROR("rpc-error"),
    /** The server's answer to a client message it could not handle: {@code {"type":"error","error":{..}}}. */
    ERROR("error"),
    /** Tells a page that its application went: {@code {"type":"undeployed","reason":...}}. */
    UNDEPLOYED("undeployed"),
    /**
     * Tells a page what became of its message that the application forwarded:
     * {@code {"type":"receipt","id":..,"outcome":"delivered"}} or {@code "outcome":"failed","reason":..}.
     */
    RECEIPT("receipt");

    /** The key of every envelope's kind. */
    public static final String KEY = "type";

    private static final Map<String, EnvelopeType> BY_WIRE = Stream.of(values())
            .collect(Collectors.toUnmodifiableMap(EnvelopeType::wire, kind -> kind));

    private final String wire;

    EnvelopeType(String wire) {
        this.wire = wire;
    }

    /** @return the {@code type} string this kind travels under */
    public String wire() {
        return wire;
    }

    /**
     * Reads an envelope's kind. Cheap enough to ask for every message.
     *
     * @param envelope an envelope as received, or a client's data that may not be one
     * @return its kind; empty when it has no {@value #KEY} or one that is no kind of this protocol
     */
    public static Optional<EnvelopeType> of(Map<?, ?> envelope) {
        return Optional.ofNullable(parse(envelope.get(KEY)));
    }

    /**
     * @param type the value of an envelope's {@value #KEY}
     * @return its kind, or null when it is not one
     */
    private static EnvelopeType parse(Object type) {
        return type instanceof String text ? BY_WIRE.get(text) : null;
    }

    /**
     * @param envelope an envelope
     * @return whether it is of this kind
     */
    public boolean is(Map<?, ?> envelope) {
        return wire.equals(envelope.get(KEY));
    }

    /**
     * Starts an envelope of this kind, for the caller to add its fields to, in the order they are added.
     *
     * @param fields how many fields the caller adds, to size the map
     * @return a new mutable map holding only {@code "type"}
     */
    public Map<String, Object> envelope(int fields) {
        Map<String, Object> envelope = new LinkedHashMap<>(fields + 1, 1f);
        envelope.put(KEY, wire);
        return envelope;
    }

    /**
     * Writes this kind's shape for an error message that tells a client what to send.
     *
     * @param fields the rest of the object as JSON text, such as {@code "data":...}; empty for none
     * @return {@code {"type":"<wire>",<fields>}}
     */
    public String shape(String fields) {
        return "{\"" + KEY + "\":\"" + wire + "\"" + (fields.isEmpty() ? "" : "," + fields) + "}";
    }
}
