package org.thywill.apps.todo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.thywill.apps.todo.TodoFlow.DIRECT;
import static org.thywill.apps.todo.TodoFlow.added;
import static org.thywill.apps.todo.TodoFlow.assertNothingMore;
import static org.thywill.apps.todo.TodoFlow.connect;
import static org.thywill.apps.todo.TodoFlow.next;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.thywill.api.database.Database;
import org.thywill.testing.TestClient;
import org.thywill.testing.TestClient.Transport;
import org.thywill.testing.ThywillTestServer;

/** The todo list on the test server's in-memory H2; each test has a fresh server and so an empty list. */
class TodoApplicationTest {

    /** A fresh server for each test. */
    @AutoClose
    private final ThywillTestServer server = ThywillTestServer.withApplications("todo").start();

    @Test
    void everyChangeReachesEveryOpenPageAndALateComerGetsWhatRemains() {
        List<Map<String, Object>> remaining = TodoFlow.addRemoveAndLateComer(server.uri(), List.of());
        assertEquals(1, remaining.size());
        TodoFlow.addRemoveAndLateComer(server.uri(), remaining);
    }

    @Test
    void theLongestItemIsStoredExactlyAsTyped() {
        String text = "<b>" + "x".repeat(TodoRequest.MAX_TEXT - 8) + "</b>";
        try (TestClient a = connect(server.uri(), Transport.WEBSOCKET, List.of())) {
            a.send(Map.of("add", " " + text + " "));
            Map<String, Object> item = added(a);
            assertEquals(text, item.get("text"));
            connect(server.uri(), Transport.LONG_POLLING, List.of(item)).close();
        }
    }

    static Stream<Arguments> badInput() {
        String neither = "Send {\"add\": \"text\"} to add an item, or {\"remove\": id} to remove one.";
        String notText = "An item's text is a string of 1 to 500 characters.";
        String badId = "An item's id is a positive whole number, as the list gave it.";
        return Stream.of(
                Arguments.of("plain text", neither),
                Arguments.of(Map.of(), neither),
                Arguments.of(Map.of("text", "milk"), neither),
                Arguments.of(Map.of("add", "milk", "remove", 1L), neither),
                Arguments.of(Map.of("add", "milk", "colour", "red"), neither),
                Arguments.of(Map.of("add", 42L), notText),
                Arguments.of(Map.of("add", List.of("milk")), notText),
                Arguments.of(Map.of("add", ""), "The item is empty: type what to do before adding it."),
                Arguments.of(Map.of("add", " \t\n "), "The item is empty: type what to do before adding it."),
                Arguments.of(Map.of("add", "y".repeat(501)), "An item is at most 500 characters; this one has 501."),
                Arguments.of(Map.of("remove", "1"), badId),
                Arguments.of(Map.of("remove", 1.5), badId),
                Arguments.of(Map.of("remove", 0L), badId),
                Arguments.of(Map.of("remove", -3L), badId));
    }

    @ParameterizedTest
    @MethodSource("badInput")
    void badInputIsAnsweredToTheSenderOnly(Object data, String answer) {
        try (TestClient a = connect(server.uri(), Transport.WEBSOCKET, List.of());
             TestClient b = connect(server.uri(), Transport.LONG_POLLING, List.of())) {
            a.send(data);
            assertEquals(Map.of("error", answer), next(a, DIRECT));
            // Anything the bad input had caused would arrive before this addition, and be in the list after it.
            a.send(Map.of("add", "probe"));
            Map<String, Object> probe = added(b);
            assertEquals("probe", probe.get("text"));
            assertEquals(probe, added(a));
            connect(server.uri(), Transport.WEBSOCKET, List.of(probe)).close();
        }
    }

    @Test
    void removingAnItemThatIsGoneIsAnsweredToTheSenderOnly() {
        try (TestClient a = connect(server.uri(), Transport.WEBSOCKET, List.of());
             TestClient b = connect(server.uri(), Transport.LONG_POLLING, List.of())) {
            a.send(Map.of("add", "once"));
            Object id = added(a).get("id");
            added(b);
            a.send(Map.of("remove", id));
            next(a, TodoFlow.LIST);
            next(b, TodoFlow.LIST);
            b.send(Map.of("remove", id));
            assertEquals(Map.of("error", "There is no item " + id + " to remove: someone may have removed it"
                    + " already."), next(b, DIRECT));
            assertNothingMore(a);
            assertNothingMore(b);
        }
    }

    @Test
    void aDatabaseFailureIsAnsweredToTheSenderAndTheListCarriesOn() throws SQLException {
        try (TestClient a = connect(server.uri(), Transport.WEBSOCKET, List.of());
             TestClient b = connect(server.uri(), Transport.LONG_POLLING, List.of())) {
            execute("ALTER TABLE todo_item RENAME TO todo_item_away");
            a.send(Map.of("add", "lost"));
            assertEquals(Map.of("error", "The todo list's database is not answering, so nothing changed. Try again"
                    + " in a moment."), next(a, DIRECT));

            execute("ALTER TABLE todo_item_away RENAME TO todo_item");
            a.send(Map.of("add", "kept"));
            Map<String, Object> kept = added(a);
            assertEquals("kept", kept.get("text"));
            assertEquals(kept, added(b), "The other page hears of the addition, and of nothing before it");
            connect(server.uri(), Transport.WEBSOCKET, List.of(kept)).close();
        }
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = server.thywill().component(Database.class).dataSource().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
