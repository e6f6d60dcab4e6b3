package org.thywill.benchmark.report;

import java.util.Locale;
import org.eclipse.jetty.util.ajax.JSON;

/** Writes a {@link Report} for a person (a few aligned lines) or for a program (one JSON line). */
public final class ReportFormat {

    private ReportFormat() {
    }

    /**
     * @param r a report
     * @return the report in six lines, and a warning first if the generator fell behind the asked rate
     */
    public static String text(Report r) {
        return shortfall(r) + details(r);
    }

    /**
     * @param r a report
     * @return a warning line if the clients sent less than {@link Report#OFFERED_SHARE} of the asked rate, else ""
     */
    public static String shortfall(Report r) {
        if (!r.fellBehind()) {
            return "";
        }
        return String.format(Locale.ROOT, "WARNING: %s sent %,.1f messages/s, %.0f%% of the %,.0f/s asked: the load"
                + " generator fell behind, so this run does not measure the server at the asked rate.%n", r.server(),
                r.sentPerSecond(), 100 * r.sentPerSecond() / r.askedPerSecond(), r.askedPerSecond());
    }

    private static String asked(Report r) {
        return r.askedPerSecond() > 0 ? " of " + number(r.askedPerSecond()) + "/s asked" : ", no rate asked";
    }

    private static String details(Report r) {
        String delivered = r.scenario().equals("connect-storm") ? "connections" : "delivered";
        return String.format(Locale.ROOT, """
                %s · %s · %s · %d/%d clients · %.1f s measured
                  messages  sent %,.1f/s (%,d)%s  received %,.1f/s (%,d)
                  latency   p50 %s ms  p90 %s  p99 %s  p99.9 %s  max %s
                  account   expected %s  received %,d (sent before the hold %s)  arrived after the hold %s
                  problems  errors %d  reconnections %d  missing %s  duplicates %s
                  server    %s ms CPU per 1,000 %s; per idle connection: heap %s KB, RSS %s KB, \
                threads %s (%d threads, live heap %s MB)%s
                """, r.server(), r.scenario(), r.transport(), r.connected(), r.clients(), r.seconds(),
                r.sentPerSecond(), r.sent(), asked(r), r.receivedPerSecond(), r.received(),
                number(r.p50()), number(r.p90()), number(r.p99()), number(r.p999()), number(r.max()),
                count(r.expected()), r.received(), count(r.beforeHold()), count(r.afterHold()),
                r.errors(), r.reconnections(), count(r.missing()), count(r.duplicates()),
                number(r.cpuMsPer1000()), delivered, number(r.heapKbPerConnection()),
                number(r.rssKbPerConnection()), number(r.threadsPerConnection()), r.serverThreads(),
                number(r.serverHeapMb()), r.startMillis() >= 0 ? "; started in " + r.startMillis() + " ms" : "");
    }

    /**
     * @param value a count, -1 when unknown
     * @return it with thousands separated, or {@code n/a}
     */
    public static String count(long value) {
        return value < 0 ? "n/a" : String.format(Locale.ROOT, "%,d", value);
    }

    /**
     * @param r a report
     * @return the report as one line, {@code REPORT {...}}
     */
    public static String json(Report r) {
        return "REPORT " + new JSON().toJSON(r.toMap());
    }

    /**
     * @param value a measured figure, -1 when unknown
     * @return it with three significant digits or so, or {@code n/a}
     */
    public static String number(double value) {
        if (value < 0 || Double.isNaN(value)) {
            return "n/a";
        }
        if (value >= 100) {
            return String.format(Locale.ROOT, "%,.0f", value);
        }
        if (value >= 10) {
            return String.format(Locale.ROOT, "%.1f", value);
        }
        if (value >= 0.1 || value == 0) {
            return String.format(Locale.ROOT, "%.2f", value);
        }
        return String.format(Locale.ROOT, "%.4f", value);
    }
}
