package org.thywill.push.redis;

/**
 * The ids of the cluster log's entries, {@code <milliseconds>-<sequence>} as Redis gives them: ordered by time, then
 * by sequence.
 */
final class LogIds {

    /** Before every entry. */
    static final String START = "0-0";

    private LogIds() {
    }

    /**
     * @param a an entry's id
     * @param b another's
     * @return negative, zero or positive as {@code a} is before, the same as, or after {@code b}
     */
    static int compare(String a, String b) {
        long[] x = parse(a);
        long[] y = parse(b);
        return x[0] != y[0] ? Long.compare(x[0], y[0]) : Long.compare(x[1], y[1]);
    }

    /** @return the later of two ids */
    static String max(String a, String b) {
        return compare(a, b) >= 0 ? a : b;
    }

    /** @return the entry's time, in milliseconds since the epoch by Redis's clock */
    static long millis(String id) {
        return parse(id)[0];
    }

    private static long[] parse(String id) {
        int dash = id.indexOf('-');
        try {
            return dash < 0 ? new long[] {Long.parseLong(id), 0}
                    : new long[] {Long.parseLong(id.substring(0, dash)), Long.parseLong(id.substring(dash + 1))};
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Not a log entry id: '" + id + "'", e);
        }
    }
}
