package org.thywill.server.presence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.thywill.server.presence.Channels.assertNothing;
import static org.thywill.server.presence.Channels.assertReceives;
import static org.thywill.server.presence.Channels.join;
import static org.thywill.server.presence.Channels.send;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.http.HttpCookie;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.thywill.kernel.Thywill;
import org.thywill.kernel.ThywillSettings;
import org.thywill.testing.TestClient;
import org.thywill.testing.TestClient.Transport;

/**
 * Channel membership survives a server restart: a session that joined before it receives the channel after it,
 * without joining again, and is present again once it reconnects. Run against each Database by a subclass.
 */
abstract class MembershipRestartContract {

    private static final String ID = PresenceProbeApplication.ID;

    /** The server's home; a file database lives under it. */
    @TempDir
    Path home;

    /**
     * @param settings the test server's settings without a {@code database} section
     * @return them with the Database under test, storing where the next call's settings will find it again
     */
    protected abstract ThywillSettings.Builder database(ThywillSettings.Builder settings);

    @ParameterizedTest
    @EnumSource(Transport.class)
    void aMemberSessionReceivesTheChannelAfterARestartWithoutJoiningAgain(Transport transport) {
        String channel = "durable-" + transport.ordinal(); // a MySQL database serves the whole class
        HttpCookie session;
        try (Thywill before = Thywill.start(settings())) {
            session = TestClient.newSession(before.uri(), ID);
            try (TestClient member = TestClient.connect(before.uri(), ID, transport, session)) {
                join(member, channel);
            }
        }

        try (Thywill after = Thywill.start(settings());
             Watcher watcher = Watcher.watch(after.uri(), transport);
             TestClient sender = TestClient.connect(after.uri(), ID, transport, TestClient.newSession(after.uri(),
                     ID))) {
            String who = Watcher.who(session);
            assertEquals(List.of(who), watcher.members(channel), "the Database kept the membership");
            assertEquals(List.of(), watcher.presence(channel), "nobody is present before reconnecting");

            try (TestClient back = TestClient.connect(after.uri(), ID, transport, session)) {
                watcher.await("joined", channel, who);
                send(sender, channel, "after the restart");
                assertReceives(back, channel, "after the restart");
                assertNothing(sender, "the sender is no member");
                assertEquals(List.of(Map.of("who", who, "connections", 1L)), watcher.presence(channel));
            }
        }
    }

    private ThywillSettings settings() {
        return database(ThywillSettings.builder()
                .set("server", "host", "127.0.0.1")
                .set("server", "port", 0)
                .set("log", "implementation", "logback")
                .set("log", "file", "")
                .set("log", "level", System.getProperty("thywill.test.logLevel", "WARN"))
                .set("clientInterface", "implementation", "cometd")
                .set("clientInterface", "maxInterval", "3s")
                .set("clientInterface", "longPollTimeout", "5s")
                .set("push", "implementation", "cometd")
                .set("application", "implementation", "classpath")
                .set("application", "enabled", List.of(ID))
                .home(home))
                .build();
    }
}
