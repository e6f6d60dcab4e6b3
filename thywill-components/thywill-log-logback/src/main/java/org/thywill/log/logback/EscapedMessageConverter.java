package org.thywill.log.logback;

import ch.qos.logback.classic.pattern.ClassicConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/**
 * Writes a line's message ({@code %msg}, {@code %m}, {@code %message}) with its line breaks and other control
 * characters made visible ({@code \n}, {@code \r}, {@code \t}, {@code \u001b}) and cut at
 * {@value #MAX_LENGTH} characters, so whatever a client's text a line carries, it stays one line of the log: a page
 * cannot forge lines, nor colour a terminal. Exceptions' stack traces ({@code %ex}) keep their lines. The JSON
 * encoder escapes control characters already.
 *
 * <p>Public with a no-argument constructor because logback.xml names it in a {@code conversionRule}.
 */
public final class EscapedMessageConverter extends ClassicConverter {

    /** The most characters of one message the log keeps; longer ones end with how many were cut. */
    public static final int MAX_LENGTH = 10_000;

    @Override
    public String convert(ILoggingEvent event) {
        return escape(event.getFormattedMessage());
    }

    /**
     * @param message a message, or null
     * @return the message on one line, at most {@value #MAX_LENGTH} characters of it
     */
    static String escape(String message) {
        if (message == null) {
            return "null";
        }
        int length = Math.min(message.length(), MAX_LENGTH);
        StringBuilder out = null;
        for (int i = 0; i < length; i++) {
            char c = message.charAt(i);
            if (needsEscape(c)) {
                if (out == null) {
                    out = new StringBuilder(length + 16).append(message, 0, i);
                }
                switch (c) {
                    case '\n' -> out.append("\\n");
                    case '\r' -> out.append("\\r");
                    case '\t' -> out.append("\\t");
                    default -> out.append(String.format("\\u%04x", (int) c));
                }
            } else if (out != null) {
                out.append(c);
            }
        }
        String escaped = out == null ? message.substring(0, length) : out.toString();
        return message.length() <= MAX_LENGTH ? escaped
                : escaped + "... (" + (message.length() - MAX_LENGTH) + " more characters cut)";
    }

    private static boolean needsEscape(char c) {
        return Character.isISOControl(c) || c == '\u2028' || c == '\u2029';
    }
}
