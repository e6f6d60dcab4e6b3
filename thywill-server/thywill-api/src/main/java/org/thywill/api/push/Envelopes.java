package org.thywill.api.push;

import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * The message shapes and channel names of Thywill's public protocol (documentation/protocol.md); the kinds of
 * envelope are {@link EnvelopeType}.
 */
public final class Envelopes {

    /**
     * The key of a numbered message's id: given once, where the message is sent, and kept by every copy (the
     * session's inbox, the Database's stored copy, the cluster's bus and log), so that a client recognises a copy
     * that reaches it again under another {@code seq} (a crashed node's message replayed by another node).
     */
    public static final String MESSAGE_ID = "mid";
    /** Channel names and application ids: letters, digits, '-', '_' and '.'; 1 to 64 characters. */
    public static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    /**
     * The longest id a client may give its message or its remote call, in characters: the server keeps ids (a
     * session's recent message ids, a pending call's id), so their length is capped.
     */
    public static final int MAX_ID_LENGTH = 64;

    private Envelopes() {
    }

    /**
     * Whether the text from an index on is a name as {@link #NAME} describes it, read character by character: it
     * is asked on every message a client publishes, where running the pattern costs more.
     *
     * @param text the text
     * @param start where the name begins
     * @return whether the rest of the text is a name
     */
    public static boolean isName(CharSequence text, int start) {
        int length = text.length() - start;
        if (start < 0 || length < 1 || length > 64) {
            return false;
        }
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean letterOrDigit = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
            if (!letterOrDigit && (i == start || c != '.' && c != '_' && c != '-')) {
                return false;
            }
        }
        return true;
    }

    /**
     * @param id an id a client gave a message or a remote call
     * @return whether it is a string of 1 to {@value #MAX_ID_LENGTH} characters
     */
    public static boolean isClientId(Object id) {
        return id instanceof String s && !s.isEmpty() && s.length() <= MAX_ID_LENGTH;
    }

    /**
     * @param channel a channel name an application gave
     * @throws IllegalArgumentException saying what a name may hold, if it is not one
     */
    public static void requireChannelName(String channel) {
        if (channel == null || !isName(channel, 0)) {
            throw new IllegalArgumentException("A channel name is 1 to 64 letters, digits, '.', '_' or '-'"
                    + " starting with a letter or digit, not '" + channel + "'");
        }
    }

    /**
     * @param data any JSON value
     * @return {@code {"type":"message","data":data}}
     */
    public static Map<String, Object> message(Object data) {
        Map<String, Object> envelope = EnvelopeType.MESSAGE.envelope(1);
        envelope.put("data", data);
        return envelope;
    }

    /**
     * Gives a message its id ({@link #MESSAGE_ID}) unless it has one: 96 random bits, 16 characters.
     *
     * @param envelope an envelope
     * @return the envelope itself if it has an id, else a copy with a new one
     */
    public static Map<String, Object> identified(Map<String, Object> envelope) {
        if (envelope.get(MESSAGE_ID) instanceof String) {
            return envelope;
        }
        ThreadLocalRandom random = ThreadLocalRandom.current();
        byte[] bits = ByteBuffer.allocate(12).putLong(random.nextLong()).putInt(random.nextInt()).array();
        Map<String, Object> identified = new LinkedHashMap<>(envelope);
        identified.put(MESSAGE_ID, Base64.getUrlEncoder().withoutPadding().encodeToString(bits));
        return identified;
    }

    /**
     * @param code a stable error code
     * @param message what went wrong and what to change
     * @return {@code {"type":"error","error":{"code":code,"message":message}}}
     */
    public static Map<String, Object> error(String code, String message) {
        Map<String, Object> error = new LinkedHashMap<>(2);
        error.put("code", code);
        error.put("message", message);
        Map<String, Object> envelope = EnvelopeType.ERROR.envelope(1);
        envelope.put("error", error);
        return envelope;
    }

    /**
     * @param id the client's id of the message the receipt is about
     * @param failure why it will never be delivered, or null when it was
     * @return {@code {"type":"receipt","id":id,"outcome":"delivered"}}, or with {@code "outcome":"failed"} and
     *         {@code "reason":failure}
     */
    public static Map<String, Object> receipt(String id, String failure) {
        Map<String, Object> envelope = EnvelopeType.RECEIPT.envelope(3);
        envelope.put("id", id);
        envelope.put("outcome", failure == null ? "delivered" : "failed");
        if (failure != null) {
            envelope.put("reason", failure);
        }
        return envelope;
    }

    /**
     * @param applicationId an application id
     * @return the channel a client receives that application's messages on
     */
    public static String applicationChannel(String applicationId) {
        return "/thywill/" + applicationId;
    }

    /**
     * @param applicationId an application id
     * @param channel a channel name
     * @return the Bayeux channel of an application channel
     */
    public static String channel(String applicationId, String channel) {
        return "/thywill/" + applicationId + "/channel/" + channel;
    }

    /**
     * @param applicationId an application id
     * @return the channel a client sends to that application on
     */
    public static String serviceChannel(String applicationId) {
        return "/service/thywill/" + applicationId;
    }
}
