package org.thywill.apps.echo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.thywill.testing.TestClient;
import org.thywill.testing.ThywillTestServer;

class EchoApplicationTest {

    @AutoClose
    private static ThywillTestServer server;

    @BeforeAll
    static void start() {
        server = ThywillTestServer.withApplications("echo").start();
    }

    @ParameterizedTest
    @EnumSource(TestClient.Transport.class)
    void sendsEveryMessageBackUnchangedToTheSender(TestClient.Transport transport) {
        Map<String, Object> data = Map.of("text", "hello", "n", 42L, "list", List.of(1L, "two", true));
        try (TestClient client = TestClient.connect(server, "echo", transport)) {
            client.send(data);
            TestClient.Delivery reply = client.next();
            assertEquals("/thywill/echo", reply.channel());
            assertEquals("message", reply.type());
            assertEquals(data, reply.data());
            client.send("plain text");
            assertEquals("plain text", client.nextMessage());
        }
    }
}
