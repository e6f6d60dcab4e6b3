package org.thywill.server.operations;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.function.DoublePredicate;

/** One scrape of {@code /thywill/metrics}, read as Prometheus's text format: series by name and labels. */
public final class Scrape {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    final HttpResponse<String> response;

    private Scrape(HttpResponse<String> response) {
        this.response = response;
    }

    public static Scrape of(URI server) {
        try {
            return new Scrape(HTTP.send(HttpRequest.newBuilder(server.resolve("/thywill/metrics"))
                    .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString()));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * @param name a series name, for example {@code thywill_messages_received_total}
     * @param labels alternating label names and values the series must have (others are ignored)
     * @return the value of the first series that matches
     */
    public OptionalDouble value(String name, String... labels) {
        for (String line : response.body().split("\n")) {
            if (line.startsWith("#") || !(line.startsWith(name + "{") || line.startsWith(name + " "))) {
                continue;
            }
            Map<String, String> found = labels(line);
            boolean matches = true;
            for (int i = 0; i < labels.length; i += 2) {
                matches &= labels[i + 1].equals(found.get(labels[i]));
            }
            if (matches) {
                return OptionalDouble.of(Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)));
            }
        }
        return OptionalDouble.empty();
    }

    private static Map<String, String> labels(String line) {
        Map<String, String> labels = new HashMap<>();
        int open = line.indexOf('{');
        if (open < 0) {
            return labels;
        }
        String inside = line.substring(open + 1, line.lastIndexOf('}'));
        for (String pair : inside.split(",")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                labels.put(pair.substring(0, eq), pair.substring(eq + 2, pair.length() - 1));
            }
        }
        return labels;
    }

    /**
     * Scrapes until a series satisfies a condition: meters are updated on server threads, shortly after the reply
     * a test waits for.
     *
     * @return the last scrape
     * @throws AssertionError naming the series when it does not within 20 seconds
     */
    public static Scrape until(URI server, DoublePredicate condition, String name, String... labels) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        Scrape last;
        do {
            last = of(server);
            OptionalDouble value = last.value(name, labels);
            if (value.isPresent() && condition.test(value.getAsDouble())) {
                return last;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        } while (System.nanoTime() < deadline);
        throw new AssertionError(name + " " + String.join(",", labels) + " did not reach the expected value; it is "
                + last.value(name, labels) + ". Scrape:\n" + last.response.body());
    }
}
