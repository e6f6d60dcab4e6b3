package org.thywill.log.logback;

import java.util.Map;
import java.util.Optional;

/**
 * One error a browser reported, cleaned for the log: every field but the stack is one line, and every field is
 * bounded, so a hostile page can neither forge log lines nor fill the disk with one report.
 *
 * @param message the error's message
 * @param source the script's URL
 * @param line the line in the script, or {@code ?}
 * @param column the column in the script, or {@code ?}
 * @param stack the stack trace, each line indented, at most {@link #MAX_STACK} characters; empty for none
 * @param page the path of the page
 * @param connection the Thywill connection of the page, if it had one
 */
record ClientErrorReport(String message, String source, String line, String column, String stack, String page,
                         Optional<String> connection) {

    /** The most characters of a stack trace that reach the log. */
    static final int MAX_STACK = 4000;

    /** The most characters of any other field that reach the log. */
    static final int MAX_FIELD = 1000;

    /**
     * @param json the report as parsed from the request body
     * @return the cleaned report; absent or mistyped fields become {@code ?} (or empty, for the stack)
     */
    static ClientErrorReport from(Map<?, ?> json) {
        String connection = oneLine(json.get("connection"), "");
        return new ClientErrorReport(
                oneLine(json.get("message"), "?"),
                oneLine(json.get("source"), "?"),
                position(json.get("line")),
                position(json.get("column")),
                stack(json.get("stack")),
                oneLine(json.get("page"), "?"),
                connection.isBlank() ? Optional.empty() : Optional.of(connection));
    }

    private static String oneLine(Object value, String absent) {
        if (!(value instanceof String || value instanceof Number || value instanceof Boolean)) {
            return absent;
        }
        String text = truncate(value.toString(), MAX_FIELD);
        StringBuilder clean = new StringBuilder(text.length());
        text.codePoints().forEach(c -> clean.appendCodePoint(isLineBreaking(c) ? ' ' : c));
        return clean.toString();
    }

    private static String position(Object value) {
        if (value instanceof Number number && number.doubleValue() >= 0) {
            return Long.toString(number.longValue());
        }
        if (value instanceof String text && text.matches("\\d{1,10}")) {
            return text;
        }
        return "?";
    }

    private static String stack(Object value) {
        if (!(value instanceof String text) || text.isBlank()) {
            return "";
        }
        StringBuilder indented = new StringBuilder();
        for (String line : truncate(text, MAX_STACK).split("\r\n|\r|\n")) {
            if (!line.isBlank()) {
                indented.append(System.lineSeparator()).append("    ").append(oneLine(line.strip(), ""));
            }
        }
        return indented.toString();
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max) + "…";
    }

    private static boolean isLineBreaking(int c) {
        return Character.isISOControl(c) || c == '\u2028' || c == '\u2029';
    }
}
