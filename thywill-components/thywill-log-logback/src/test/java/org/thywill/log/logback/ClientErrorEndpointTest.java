package org.thywill.log.logback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.thywill.api.admin.ServerView;
import org.thywill.api.http.HttpRequest;
import org.thywill.api.http.HttpResponse;

class ClientErrorEndpointTest {

    private final AtomicLong clock = new AtomicLong(1_000_000);
    private final ClientErrorEndpoint endpoint = new ClientErrorEndpoint(10, 1000, clock::get);
    private final Logger browser = (Logger) LoggerFactory.getLogger("thywill.browser");
    private final ListAppender<ILoggingEvent> captured = new ListAppender<>();
    private Level levelBefore;

    @BeforeEach
    void capture() {
        levelBefore = browser.getLevel();
        browser.setLevel(Level.INFO);
        captured.start();
        browser.addAppender(captured);
    }

    @AfterEach
    void release() {
        browser.detachAppender(captured);
        browser.setLevel(levelBefore);
    }

    private static HttpRequest request(String method, String path, String body, String remote) {
        return request(method, path, body, remote, null);
    }

    private static HttpRequest request(String method, String path, String body, String remote, String session) {
        return new HttpRequest(method, path, Map.of(), Map.of("content-type", "application/json"),
                body.getBytes(StandardCharsets.UTF_8), remote,
                Optional.ofNullable(session).map(org.thywill.api.client.SessionId::new));
    }

    private HttpResponse report(String connection, String remote) {
        return report(connection, remote, null);
    }

    private HttpResponse report(String connection, String remote, String session) {
        Map<String, Object> fields = new java.util.LinkedHashMap<>();
        fields.put("message", "Uncaught TypeError: x is undefined");
        fields.put("source", "http://localhost/app/chat.js");
        fields.put("line", 12);
        fields.put("column", 5);
        fields.put("stack", "TypeError: x is undefined\n    at send (chat.js:12:5)");
        fields.put("page", "/thywill/init/chat");
        fields.put("connection", connection);
        return endpoint.handle(request("POST", "/thywill/log/client-error", json(fields), remote, session));
    }

    private static String json(Map<String, Object> fields) {
        try {
            return new ObjectMapper().writeValueAsString(fields);
        } catch (JsonProcessingException e) {
            throw new AssertionError(e);
        }
    }

    private static String text(HttpResponse response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    @Test
    void aReportIsLoggedAsOneWarningWithItsWhereabouts() {
        HttpResponse response = report("conn-1", "10.0.0.7");

        assertEquals(204, response.status());
        assertEquals(1, captured.list.size());
        ILoggingEvent event = captured.list.get(0);
        assertEquals(Level.WARN, event.getLevel());
        String line = event.getFormattedMessage();
        assertTrue(line.contains("Uncaught TypeError: x is undefined"), line);
        assertTrue(line.contains("http://localhost/app/chat.js:12:5"), line);
        assertTrue(line.contains("page=/thywill/init/chat"), line);
        assertTrue(line.contains("connection=conn-1"), line);
        assertTrue(line.contains("remote=10.0.0.7"), line);
        assertTrue(line.contains("    at send (chat.js:12:5)"), line);
    }

    @Test
    void theEleventhReportInAMinuteFromOneSessionIsRefusedButOthersStillReport() {
        for (int i = 0; i < 10; i++) {
            assertEquals(204, report("busy", "10.0.0.7", "busy").status(), "report " + (i + 1));
        }
        HttpResponse refused = report("busy", "10.0.0.7", "busy");
        assertEquals(429, refused.status());
        assertTrue(Long.parseLong(refused.headers().get("Retry-After")) > 0);
        assertEquals(429, report("another-claimed-connection", "10.0.0.7", "busy").status(),
                "claiming another connection id does not escape the limit");
        assertEquals(204, report("quiet", "10.0.0.7", "quiet").status());

        long dropNotices = captured.list.stream()
                .filter(e -> e.getFormattedMessage().startsWith("Dropping browser error reports from session "
                        + ServerView.fingerprint(new org.thywill.api.client.SessionId("busy"))))
                .count();
        assertEquals(1, dropNotices, "the drop is said once per window");
        assertEquals(11 + 1, captured.list.size());

        clock.addAndGet(60_000);
        assertEquals(204, report("busy", "10.0.0.7", "busy").status(), "a new minute, a new allowance");
    }

    @Test
    void aNewSessionForEveryReportDoesNotEscapeTheLimitOfTheAddress() {
        ClientErrorEndpoint limited = new ClientErrorEndpoint(10, 20, clock::get);
        for (int i = 0; i < 20; i++) {
            assertEquals(204, limited.handle(request("POST", "/thywill/log/client-error", "{\"message\":\"x\"}",
                    "10.0.0.7", "fresh-" + i)).status(), "report " + (i + 1));
        }
        HttpResponse refused = limited.handle(request("POST", "/thywill/log/client-error", "{\"message\":\"x\"}",
                "10.0.0.7", "fresh-20"));
        assertEquals(429, refused.status());
        assertEquals(204, limited.handle(request("POST", "/thywill/log/client-error", "{\"message\":\"x\"}",
                "10.0.0.8", "fresh-21")).status(), "another address");
        assertEquals(1, captured.list.stream().filter(e -> e.getFormattedMessage()
                .startsWith("Dropping browser error reports from address 10.0.0.7")).count());
        assertTrue(limited.ownOriginOnly(), "only the server's own pages may report");
    }

    @Test
    void reportsWithoutAConnectionAreLimitedByAddress() {
        for (int i = 0; i < 10; i++) {
            report(null, "10.0.0.8");
        }
        assertEquals(429, report(null, "10.0.0.8").status());
        assertEquals(204, report(null, "10.0.0.9").status());
    }

    @Test
    void anOversizedBodyIsRefusedWith413() {
        String body = "{\"message\":\"" + "x".repeat(16 * 1024) + "\"}";
        HttpResponse response = endpoint.handle(request("POST", "/thywill/log/client-error", body, "10.0.0.7"));
        assertEquals(413, response.status());
        assertTrue(captured.list.isEmpty());
    }

    @Test
    void malformedJsonIsRefusedWith400AndAMessage() {
        HttpResponse response = endpoint.handle(request("POST", "/thywill/log/client-error", "{\"message\":", "h"));
        assertEquals(400, response.status());
        assertTrue(text(response).startsWith("Malformed JSON"), text(response));
        assertEquals(400, endpoint.handle(request("POST", "/thywill/log/client-error", "[1,2]", "h")).status());
        assertTrue(captured.list.isEmpty());
    }

    @Test
    void getOnTheReportUrlIsNotAllowed() {
        HttpResponse response = endpoint.handle(request("GET", "/thywill/log/client-error", "", "h"));
        assertEquals(405, response.status());
        assertEquals("POST", response.headers().get("Allow"));
        assertEquals(405, endpoint.handle(request("POST", "/thywill/log/errors.js", "", "h")).status());
    }

    @Test
    void theScriptIsServedAsJavaScriptAndListensForRejections() {
        HttpResponse response = endpoint.handle(request("GET", "/thywill/log/errors.js", "", "h"));
        assertEquals(200, response.status());
        assertEquals("text/javascript;charset=utf-8", response.contentType());
        assertTrue(text(response).contains("unhandledrejection"));
        assertTrue(text(response).contains("thywillConfig"));
    }

    @Test
    void otherPathsAreNotFound() {
        assertEquals(404, endpoint.handle(request("GET", "/thywill/log/", "", "h")).status());
        assertEquals(404, endpoint.handle(request("GET", "/thywill/log/other.js", "", "h")).status());
        assertEquals(404, endpoint.handle(request("POST", "/thywill/log/client-error/x", "{}", "h")).status());
    }

    @Test
    void forgedLineBreaksStayOnTheReportLine() {
        String body = "{\"message\":\"oops\\n12:00:00.000 ERROR [main] org.thywill.Kernel - forged\"}";
        assertEquals(204, endpoint.handle(request("POST", "/thywill/log/client-error", body, "h")).status());
        String line = captured.list.get(0).getFormattedMessage();
        assertTrue(line.startsWith("Browser error: oops 12:00:00.000 ERROR"), line);
        assertTrue(line.contains("?:?:?"), line);
    }
}
