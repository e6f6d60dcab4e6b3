package org.thywill.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.thywill.api.ThywillException;
import org.thywill.testing.TestClient;
import org.thywill.testing.TestClient.Transport;

class ThywillServerTest {

    @TempDir
    Path home;

    private ThywillServer.Builder quiet() {
        return ThywillServer.builder().port(0).home(home).environment(Map.of())
                .set("server", "host", "127.0.0.1").set("database", "file", "mem").set("log", "file", "");
    }

    @Test
    void anApplicationGivenAsAnObjectServesItsPageAndAnswersWithoutAJarOrAServiceEntry() throws Exception {
        try (ThywillServer server = quiet().application(new HelloApplication("Hello")).start()) {
            // The default page is the first application given.
            HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    server.uri().resolve("/thywill/init/")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, page.statusCode());
            assertTrue(page.body().contains("<h1>Hello from a main method</h1>"), page.body());
            try (TestClient client = TestClient.connect(server.uri(), "hello", Transport.WEBSOCKET,
                    TestClient.newSession(server.uri(), "hello"))) {
                client.send("Ada");
                assertEquals("Hello, Ada", client.nextMessage());
            }
        }
    }

    @Test
    void twoServersRunSideBySideEachWithItsOwnApplication() throws Exception {
        try (ThywillServer english = quiet().application(new HelloApplication("Hello")).start();
             ThywillServer french = quiet().home(home.resolve("fr")).application(new HelloApplication("Bonjour"))
                     .start()) {
            assertTrue(english.port() != french.port());
            assertEquals("Bonjour, Ada", answer(french.uri()));
            assertEquals("Hello, Ada", answer(english.uri()));
        }
    }

    @Test
    void theJarApplicationInterfaceRefusesApplicationsGivenAsObjectsSayingWhatToChange() {
        ThywillException refused = assertThrows(ThywillException.class, () -> quiet()
                .set("application", "implementation", "jar").set("application", "folder", home.toString())
                .application(new HelloApplication("Hello")).start());
        assertTrue(refused.getMessage().contains("'application.implementation' to 'classpath'"),
                refused.getMessage());
    }

    private static String answer(URI server) {
        try (TestClient client = TestClient.connect(server, "hello", Transport.LONG_POLLING,
                TestClient.newSession(server, "hello"))) {
            client.send("Ada");
            return String.valueOf(client.nextMessage());
        }
    }
}
