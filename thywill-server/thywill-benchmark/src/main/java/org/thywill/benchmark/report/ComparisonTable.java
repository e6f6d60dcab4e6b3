package org.thywill.benchmark.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

/**
 * The reports of one comparison as a Markdown table: one column per server, then Thywill's figure divided by each
 * other server's (below 1 means Thywill used less, or was faster, for every row but the rates).
 */
public final class ComparisonTable {

    private record Row(String name, ToDoubleFunction<Report> value, boolean count) {
        Row(String name, ToDoubleFunction<Report> value) {
            this(name, value, false);
        }

        String format(Report r) {
            double v = value.applyAsDouble(r);
            return count ? ReportFormat.count((long) v) : ReportFormat.number(v);
        }
    }

    private static final List<Row> ROWS = List.of(
            new Row("clients connected", Report::connected, true),
            new Row("messages asked / s", Report::askedPerSecond),
            new Row("messages sent / s", Report::sentPerSecond),
            new Row("messages received / s", Report::receivedPerSecond),
            new Row("latency p50 (ms)", Report::p50),
            new Row("latency p90 (ms)", Report::p90),
            new Row("latency p99 (ms)", Report::p99),
            new Row("latency p99.9 (ms)", Report::p999),
            new Row("latency max (ms)", Report::max),
            new Row("server CPU ms per 1,000 received", Report::cpuMsPer1000),
            new Row("server heap KB per idle connection", Report::heapKbPerConnection),
            new Row("server RSS KB per idle connection", Report::rssKbPerConnection),
            new Row("server threads per idle connection", Report::threadsPerConnection),
            new Row("errors", Report::errors, true),
            new Row("reconnections", Report::reconnections, true),
            new Row("deliveries expected for the hold's messages", Report::expected, true),
            new Row("deliveries received in the hold", Report::received, true),
            new Row("… of messages sent before the hold", Report::beforeHold, true),
            new Row("deliveries of the hold's messages after it", Report::afterHold, true),
            new Row("missing deliveries", Report::missing, true),
            new Row("duplicate deliveries", Report::duplicates, true),
            new Row("server start to accepting (ms)", Report::startMillis, true));

    private ComparisonTable() {
    }

    /**
     * @param reports one report per server, from one comparison
     * @return the table, with a title line naming the scenario
     */
    public static String markdown(List<Report> reports) {
        if (reports.isEmpty()) {
            return "";
        }
        Report first = reports.get(0);
        Optional<Report> thywill = reports.stream().filter(r -> r.server().equals("thywill")).findFirst();
        List<Report> others = reports.stream().filter(r -> !r.server().equals("thywill")).toList();
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%s over %s, %d clients, %.0f s measured%n%n", first.scenario(),
                first.transport(), first.clients(), first.seconds()));
        List<String> header = new ArrayList<>(List.of("Measure"));
        reports.forEach(r -> header.add(title(r.server())));
        if (thywill.isPresent()) {
            others.forEach(r -> header.add("Thywill ÷ " + title(r.server())));
        }
        line(out, header);
        line(out, header.stream().map(h -> h.equals("Measure") ? "---" : "---:").toList());
        for (Row row : ROWS) {
            List<String> cells = new ArrayList<>(List.of(row.name()));
            reports.forEach(r -> cells.add(row.format(r)));
            thywill.ifPresent(t -> others.forEach(o -> cells.add(ratio(row.value().applyAsDouble(t),
                    row.value().applyAsDouble(o)))));
            line(out, cells);
        }
        reports.forEach(r -> out.append(ReportFormat.shortfall(r)));
        return out.toString();
    }

    private static String ratio(double thywill, double other) {
        if (thywill < 0 || other <= 0) {
            return "";
        }
        return String.format(Locale.ROOT, "%.2f", thywill / other);
    }

    private static String title(String server) {
        return switch (server) {
            case "thywill" -> "Thywill";
            case "thywill-redis" -> "Thywill, 2 nodes over Redis";
            case "cometd" -> "bare CometD";
            case "socketio" -> "Socket.IO";
            default -> server;
        };
    }

    private static void line(StringBuilder out, List<String> cells) {
        out.append("| ").append(String.join(" | ", cells)).append(" |\n");
    }
}
