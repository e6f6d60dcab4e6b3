package org.thywill.log.logback;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.thywill.api.admin.ServerView;
import org.thywill.api.http.HttpEndpoint;
import org.thywill.api.http.HttpRequest;
import org.thywill.api.http.HttpResponse;
import org.thywill.log.logback.ReportRateLimiter.Admission;
import org.thywill.log.logback.ReportRateLimiter.Decision;

/**
 * Serves the error-reporting script and receives its reports, so errors that only happen in some user's browser
 * end up in the server log, under the logger {@value #LOGGER}.
 *
 * <ul>
 *   <li>{@code GET /thywill/log/errors.js}: the script.</li>
 *   <li>{@code POST /thywill/log/client-error}: a JSON report; 204 when logged, 413 over {@value #MAX_BODY} bytes,
 *       400 when not a JSON object, 429 past the per-minute limit of its browser session (or, without one, its
 *       address) or the per-minute limit of its address, whatever its sessions.</li>
 * </ul>
 *
 * <p>Only the server's own pages may report: the Client Interface refuses another site's {@code Origin} with 403
 * ({@link #ownOriginOnly}), as it does for Comet connections.
 */
final class ClientErrorEndpoint implements HttpEndpoint {

    static final String PREFIX = "/thywill/log/";
    static final String SCRIPT = "errors.js";
    static final String REPORT = "client-error";
    static final String LOGGER = "thywill.browser";
    static final int MAX_BODY = 16 * 1024;
    static final String SCRIPT_CONTENT_TYPE = "text/javascript;charset=utf-8";

    private static final Logger BROWSER = LoggerFactory.getLogger(LOGGER);

    private final ObjectMapper json = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();
    private final byte[] script;
    private final ReportRateLimiter bySender;
    private final ReportRateLimiter byAddress;
    private final int perMinute;
    private final int perAddressPerMinute;

    /**
     * @param perMinute how many reports one session (or sessionless address) may send per minute
     * @param perAddressPerMinute how many reports one address may send per minute, whatever its sessions
     */
    ClientErrorEndpoint(int perMinute, int perAddressPerMinute) {
        this(perMinute, perAddressPerMinute, () -> System.nanoTime() / 1_000_000);
    }

    /**
     * @param perMinute how many reports one session (or sessionless address) may send per minute
     * @param perAddressPerMinute how many reports one address may send per minute, whatever its sessions
     * @param clockMillis a monotonic clock in milliseconds, for the rate limits
     */
    ClientErrorEndpoint(int perMinute, int perAddressPerMinute, LongSupplier clockMillis) {
        this.script = loadScript();
        this.perMinute = perMinute;
        this.perAddressPerMinute = perAddressPerMinute;
        this.bySender = new ReportRateLimiter(perMinute, ReportRateLimiter.DEFAULT_MAX_KEYS, clockMillis);
        this.byAddress = new ReportRateLimiter(perAddressPerMinute, ReportRateLimiter.DEFAULT_MAX_KEYS, clockMillis);
    }

    /** Reports come from the server's own pages only. */
    @Override
    public boolean ownOriginOnly() {
        return true;
    }

    @Override
    public String pathPrefix() {
        return PREFIX;
    }

    @Override
    public HttpResponse handle(HttpRequest request) {
        String name = request.path().startsWith(PREFIX) ? request.path().substring(PREFIX.length()) : "";
        return switch (name) {
            case SCRIPT -> "GET".equals(request.method()) || "HEAD".equals(request.method())
                    ? HttpResponse.resource(SCRIPT_CONTENT_TYPE, script)
                    : plain(405, "Method not allowed; use GET", Map.of("Allow", "GET, HEAD"));
            case REPORT -> "POST".equals(request.method())
                    ? report(request)
                    : plain(405, "Method not allowed; use POST", Map.of("Allow", "POST"));
            default -> HttpResponse.text(404, "Not found: " + request.path());
        };
    }

    private HttpResponse report(HttpRequest request) {
        if (request.body().length > MAX_BODY) {
            return HttpResponse.text(413, "An error report may have at most " + MAX_BODY + " bytes");
        }
        Object parsed;
        try {
            parsed = json.readValue(request.body(), Object.class);
        } catch (JsonProcessingException e) {
            return HttpResponse.text(400, "Malformed JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!(parsed instanceof Map<?, ?> fields)) {
            return HttpResponse.text(400, "An error report must be a JSON object");
        }
        ClientErrorReport report = ClientErrorReport.from(fields);
        String remote = String.valueOf(request.remoteAddress());
        // The limit follows what the server knows (the session cookie, else the address), never the connection id
        // the page claims, which a flooding script could change with every report.
        // A session costs one page load, so the address has a limit of its own, checked first: a script making a new
        // session for every few reports is held by it.
        String address = "address " + remote;
        Admission admission = admit(byAddress, address, perAddressPerMinute);
        if (admission.decision() == Decision.ACCEPT) {
            // The session's fingerprint, never its id: the id is the cookie, and the log must not let its reader
            // act as the browser.
            String key = request.session().map(sid -> "session " + ServerView.fingerprint(sid)).orElse(address);
            admission = admit(bySender, key, perMinute);
        }
        if (admission.decision() == Decision.ACCEPT) {
            log(report, remote);
            return plain(204, "", Map.of());
        }
        return plain(429, "Too many error reports; try again later",
                Map.of("Retry-After", Long.toString(admission.retryAfterSeconds())));
    }

    private static Admission admit(ReportRateLimiter limiter, String key, int perMinute) {
        Admission admission = limiter.admit(key);
        if (admission.decision() == Decision.DROP_FIRST) {
            BROWSER.warn("Dropping browser error reports from {} for {} s: more than {} a minute", key,
                    admission.retryAfterSeconds(), perMinute);
        }
        return admission;
    }

    private static void log(ClientErrorReport report, String remote) {
        BROWSER.warn("Browser error: {} at {}:{}:{} page={} connection={} remote={}{}", report.message(),
                report.source(), report.line(), report.column(), report.page(),
                report.connection().orElse("-"), remote, report.stack());
    }

    private static HttpResponse plain(int status, String text, Map<String, String> headers) {
        return new HttpResponse(status, "text/plain;charset=utf-8", text.getBytes(StandardCharsets.UTF_8), headers);
    }

    private static byte[] loadScript() {
        try (InputStream in = ClientErrorEndpoint.class.getResourceAsStream(SCRIPT)) {
            if (in == null) {
                throw new IllegalStateException(SCRIPT + " is missing beside " + ClientErrorEndpoint.class.getName()
                        + "; the jar was packaged without its resources");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + SCRIPT, e);
        }
    }
}
