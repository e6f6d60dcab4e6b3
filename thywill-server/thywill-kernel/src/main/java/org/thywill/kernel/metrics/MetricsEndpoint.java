package org.thywill.kernel.metrics;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.thywill.api.http.HttpEndpoint;
import org.thywill.api.http.HttpRequest;
import org.thywill.api.http.HttpResponse;

/** {@code GET /thywill/metrics}: every meter of this server in the Prometheus text format, for a scraper. */
public final class MetricsEndpoint implements HttpEndpoint {

    /** The path served. */
    public static final String PATH = "/thywill/metrics";
    private static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final MicrometerMetrics metrics;

    /** @param metrics the server's meters */
    public MetricsEndpoint(MicrometerMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public String pathPrefix() {
        return PATH;
    }

    @Override
    public HttpResponse handle(HttpRequest request) {
        if (!request.path().equals(PATH) && !request.path().equals(PATH + "/")) {
            return HttpResponse.text(404, "Not found.");
        }
        if (!request.method().equals("GET") && !request.method().equals("HEAD")) {
            return new HttpResponse(405, "text/plain;charset=utf-8", "Use GET.".getBytes(StandardCharsets.UTF_8),
                    Map.of("Allow", "GET, HEAD"));
        }
        return new HttpResponse(200, CONTENT_TYPE, metrics.scrape().getBytes(StandardCharsets.UTF_8),
                Map.of("Cache-Control", "no-store"));
    }
}
