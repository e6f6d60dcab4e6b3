package org.thywill.apps.twooter;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openqa.selenium.By;
import org.thywill.testing.TestJson;
import org.thywill.testing.Browser;
import org.thywill.testing.DatabaseEngine;
import org.thywill.testing.TestClient;
import org.thywill.testing.ThywillTestServer;

/**
 * Twooter as its README shows it: the REST API with curl's requests, the chat room, and the live timeline; the tests
 * that touch its tables run on H2, MySQL and PostgreSQL, whose tables the resources library writes from the records.
 */
class TwooterTest {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @ParameterizedTest
    @EnumSource(DatabaseEngine.class)
    @Timeout(120)
    void theRestApiOfTheReadme(DatabaseEngine engine, @TempDir Path home) throws Exception {
        try (DatabaseEngine.Database database = engine.create("twooter", home);
             ThywillTestServer server = database.use(ThywillTestServer.withApplications("twooter")).start()) {
            URI base = server.uri();
            HttpResponse<String> ada = send(base, "POST", "/api/twooter/users", "{\"user_name\": \"ada\"}");
            assertEquals(201, ada.statusCode(), ada::body);
            Object adaId = map(ada).get("id");
            HttpResponse<String> post = send(base, "POST", "/api/twooter/posts",
                    "{\"user_id\": " + adaId + ", \"content\": \"Hello, Twooter\"}");
            assertEquals(201, post.statusCode(), post::body);
            HttpResponse<String> mine = send(base, "GET", "/api/twooter/posts?user_id=" + adaId + "&sort=-posted_at",
                    null);
            assertEquals(200, mine.statusCode());
            assertEquals(1L, map(mine).get("total"));
            assertEquals(409, send(base, "POST", "/api/twooter/users", "{\"user_name\": \"ada\"}").statusCode(),
                    "user names are unique");
            assertEquals(400, send(base, "POST", "/api/twooter/posts", "{\"user_id\": " + adaId + "}").statusCode(),
                    "content is required");
            assertEquals(403, send(base, "DELETE", "/api/twooter/users/" + adaId, null).statusCode(),
                    "users are never deleted");
            // Omega's relationship(User): the post's user, embedded, and the posts of a user found by name.
            HttpResponse<String> expanded = send(base, "GET", "/api/twooter/posts?expand=user", null);
            @SuppressWarnings("unchecked")
            Map<String, Object> first = ((List<Map<String, Object>>) map(expanded).get("items")).get(0);
            assertEquals("ada", ((Map<?, ?>) first.get("user")).get("user_name"), expanded::body);
            assertEquals(1L, map(send(base, "GET", "/api/twooter/posts?user.user_name=ada", null)).get("total"));
            assertEquals(0L, map(send(base, "GET", "/api/twooter/posts?user.user_name=bob", null)).get("total"));
            HttpResponse<String> bad = send(base, "GET", "/api/twooter/posts?user.name=ada", null);
            assertEquals(400, bad.statusCode());
            assertEquals("user.name", ((Map<?, ?>) map(bad).get("error")).get("field"));
            assertEquals(204, send(base, "DELETE", "/api/twooter/posts/" + map(post).get("id"), null).statusCode());
            assertEquals(404, send(base, "GET", "/api/twooter/posts/" + map(post).get("id"), null).statusCode());
        }
    }

    @Test
    @Timeout(120)
    void everyoneInTheRoomHearsAChatLine() {
        try (ThywillTestServer server = ThywillTestServer.withApplications("twooter").start();
             TestClient alice = TestClient.connect(server, "twooter", TestClient.Transport.WEBSOCKET);
             TestClient bob = TestClient.connect(server, "twooter", TestClient.Transport.LONG_POLLING)) {
            alice.send(Map.of("chat", Map.of("name", "alice", "text", "hi bob")));
            Map<String, Object> line = Map.of("chat", Map.of("name", "alice", "text", "hi bob"));
            assertEquals(line, alice.nextMessage());
            assertEquals(line, bob.nextMessage());
        }
    }

    @Test
    @Timeout(120)
    void aDatabaseMadeByTheEarlierMigrationStartsWithItsRowsKept(@TempDir Path home) throws Exception {
        String sql = new String(getClass().getResourceAsStream("/db/twooter-v1.sql").readAllBytes(),
                StandardCharsets.UTF_8);
        ThywillTestServer.Builder builder = ThywillTestServer.withApplications("twooter").home(home)
                .set("database", "file", "data/twooter");
        builder.start().close(); // the server's own schema; then the twooter tables are put back as they were
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + home.resolve("data/twooter")
                + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE", "sa", "");
             Statement statement = c.createStatement()) {
            statement.execute("DROP TABLE twooter_post");
            statement.execute("DROP TABLE twooter_user");
            for (String create : sql.replaceAll("(?m)^--.*$", "").split(";")) {
                if (!create.isBlank()) {
                    statement.execute(create);
                }
            }
            statement.execute("INSERT INTO twooter_user (user_name) VALUES ('old-timer')");
        }
        try (ThywillTestServer server = builder.start()) {
            assertEquals(1L, map(send(server.uri(), "GET", "/api/twooter/users?user_name=old-timer", null))
                    .get("total"), "the record matches the table, whose rows are kept");
        }
    }

    @Test
    @Timeout(120)
    void aChatLinePostedOverHttpReachesEveryConnectedPage() throws Exception {
        try (ThywillTestServer server = ThywillTestServer.withApplications("twooter").start();
             TestClient alice = TestClient.connect(server, "twooter", TestClient.Transport.WEBSOCKET);
             TestClient bob = TestClient.connect(server, "twooter", TestClient.Transport.LONG_POLLING)) {
            URI base = server.uri();
            // Omega's form, as curl -d user=omega -d message=... sends it.
            HttpResponse<String> said = sendAs(base, "/api/twooter/chat", "application/x-www-form-urlencoded",
                    "user=omega&message=hello%20from%20curl");
            assertEquals(200, said.statusCode(), said::body);
            Map<String, Object> line = Map.of("chat", Map.of("name", "omega", "text", "hello from curl"));
            assertEquals(line, map(said));
            assertEquals(line, alice.nextMessage());
            assertEquals(line, bob.nextMessage());
            assertEquals(200, send(base, "POST", "/api/twooter/chat", "{\"message\": \"and JSON\"}").statusCode());
            assertEquals(Map.of("chat", Map.of("name", "someone", "text", "and JSON")), alice.nextMessage());

            HttpResponse<String> empty = send(base, "POST", "/api/twooter/chat", "{\"user\": \"ada\"}");
            assertEquals(400, empty.statusCode());
            assertEquals("message", ((Map<?, ?>) map(empty).get("error")).get("field"));
            assertEquals(415, sendAs(base, "/api/twooter/chat", "text/plain", "hi").statusCode());
            assertEquals(405, send(base, "GET", "/api/twooter/chat", null).statusCode());
            assertEquals(404, send(base, "POST", "/api/twooter/chatter", "{}").statusCode());
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseEngine.class)
    @Timeout(180)
    void aPostMadeWithAnHttpClientAppearsOnTheOpenPage(DatabaseEngine engine, @TempDir Path home) throws Exception {
        try (DatabaseEngine.Database database = engine.create("twooter", home);
             ThywillTestServer server = database.use(ThywillTestServer.withApplications("twooter")).start();
             Browser browser = Browser.open()) {
            browser.load(server.page("twooter")).waitUntilConnected();
            browser.find("#post-form");
            URI base = server.uri();
            Object grace = map(send(base, "POST", "/api/twooter/users", "{\"user_name\": \"grace\"}")).get("id");
            // The page lists posts after its watch is in place; the post may arrive either way, and shows once.
            send(base, "POST", "/api/twooter/posts", "{\"user_id\": " + grace + ", \"content\": \"live!\"}");
            browser.waitFor(d -> d.findElements(By.cssSelector("#posts li")).stream()
                    .anyMatch(li -> li.getText().equals("grace: live!")));
            assertEquals(1, browser.driver().findElements(By.cssSelector("#posts li")).size());

            // The page's own form posts through the REST API, creating the user it names.
            browser.find("#post-user").sendKeys("hopper");
            browser.find("#post-content").sendKeys("from the page");
            browser.find("#post-form button").click();
            browser.waitFor(d -> browser.find("#posts li").getText().equals("hopper: from the page"));
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> users = (List<Map<String, Object>>) map(send(base, "GET",
                    "/api/twooter/users?sort=user_name", null)).get("items");
            assertEquals(List.of("grace", "hopper"), users.stream().map(u -> u.get("user_name")).toList());
        }
    }

    private HttpResponse<String> send(URI base, String method, String path, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        request.method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> sendAs(URI base, String path, String contentType, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(HttpResponse<String> response) {
        return (Map<String, Object>) TestJson.parse(response.body());
    }
}
