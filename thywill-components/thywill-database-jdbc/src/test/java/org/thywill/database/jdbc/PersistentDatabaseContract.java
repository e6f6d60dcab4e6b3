package org.thywill.database.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.thywill.api.client.SessionId;
import org.thywill.api.database.Database;

/** What a Database that keeps its data on disk or on a server must do beyond {@link DatabaseContract}. */
abstract class PersistentDatabaseContract extends DatabaseContract {

    @Test
    void sessionSurvivesARestart() throws Exception {
        Database first = newDatabase();
        first.start();
        SessionId session;
        try {
            session = first.sessions().create();
        } finally {
            first.stop();
        }

        Database second = startedDatabase();
        assertEquals(Optional.of(session), second.sessions().find(session.value()));
        assertEquals(1, historyRows(second), "V1 ran once, not again at the restart");
    }

    @Test
    void sessionsMadeForConnectionsAreStoredWhenTheDatabaseStops() throws Exception {
        Database first = newDatabase();
        first.start();
        List<SessionId> sessions = new ArrayList<>();
        try {
            for (int i = 0; i < 2 * SessionRowWriter.BATCH + 1; i++) {
                sessions.add(first.sessions().createForConnection());
            }
        } finally {
            first.stop();
        }

        Database second = startedDatabase();
        for (SessionId session : sessions) {
            assertEquals(Optional.of(session), second.sessions().find(session.value()));
        }
    }

    @Test
    void membershipSurvivesARestart() throws Exception {
        String chat = "chat-" + UUID.randomUUID();
        Database first = newDatabase();
        first.start();
        SessionId session;
        try {
            session = first.sessions().create();
            first.memberships().add(chat, "room", session);
        } finally {
            first.stop();
        }

        Database second = startedDatabase();
        assertEquals(Set.of("room"), second.memberships().channelsOf(chat, session));
        assertEquals(Set.of(session), second.memberships().sessionsIn(chat, "room"));
    }
}
