package org.thywill.server.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.thywill.testing.TestClient;
import org.thywill.testing.TestClient.Transport;
import org.thywill.testing.ThywillTestServer;

/** Log {@code logback-json}: one JSON object per line, and lines about a client name its application, session and connection. */
class JsonLogTest {

    @TempDir
    Path home;

    @Test
    void everyLineIsJsonAndALineAboutAClientCarriesItsIds() throws Exception {
        String connection;
        String session;
        try (ThywillTestServer server = ThywillTestServer.withApplications("probe").home(home)
                .set("log", "implementation", "logback-json")
                .set("log", "file", "logs/thywill.log")
                .set("log", "level", "INFO")
                .set("log", "console", false).start();
             TestClient client = TestClient.connect(server, "probe", Transport.WEBSOCKET)) {
            connection = client.connectionId();
            session = client.sessionCookie().getValue();
            client.send(Map.of("cmd", "throw")); // the server logs the application's failure, at ERROR
            assertEquals("error", client.next().type());
        }
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> about = new ArrayList<>();
        List<String> lines = Files.readAllLines(home.resolve("logs/thywill.log"), StandardCharsets.UTF_8);
        assertTrue(lines.size() > 2, "the log has lines: " + lines);
        for (String line : lines) {
            JsonNode event = json.readTree(line);
            assertTrue(event.isObject() && event.has("level") && event.has("formattedMessage"),
                    "one JSON object per line: " + line);
            if (event.path("mdc").has("connectionId")) {
                about.add(event);
            }
        }
        JsonNode failure = about.stream().filter(e -> e.path("level").asText().equals("ERROR")).findFirst()
                .orElseThrow(() -> new AssertionError("no ERROR line about the client in " + lines));
        assertEquals("probe", failure.path("mdc").path("applicationId").asText());
        assertEquals(connection, failure.path("mdc").path("connectionId").asText());
        assertEquals(logId(session), failure.path("mdc").path("sessionId").asText(),
                "the session's log id, not the cookie itself");
        assertTrue(lines.stream().noneMatch(l -> l.contains(session)), "the session cookie is never logged");
    }

    private static String logId(String session) throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(session.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest, 0, 8);
    }
}
