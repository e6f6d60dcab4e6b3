package @package@;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.thywill.testing.TestClient;
import org.thywill.testing.ThywillTestServer;

/** A real server with the application on a free port, and two browsers' worth of clients. */
class @class@ApplicationTest {

    @Test
    void everyPageHearsEveryMessage() {
        try (ThywillTestServer server = ThywillTestServer.withApplications("@name@").start();
             TestClient alice = TestClient.connect(server, "@name@", TestClient.Transport.WEBSOCKET);
             TestClient bob = TestClient.connect(server, "@name@", TestClient.Transport.LONG_POLLING)) {
            alice.send(Map.of("text", "hello"));
            assertEquals(Map.of("text", "hello"), alice.nextMessage());
            assertEquals(Map.of("text", "hello"), bob.nextMessage());
        }
    }
}
