package org.thywill.apps.tododom;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The todo items in the table {@code todo_dom_items} (migration {@code db/todo-dom/V1__todo_dom_items.sql}), with
 * plain JDBC. Called on the documents' worker threads, never on a server thread. Thread-safe.
 */
final class TodoStore {

    /** The longest text, in characters (the column's size). */
    static final int MAX_TEXT = 500;
    private final DataSource database;

    TodoStore(DataSource database) {
        this.database = database;
    }

    /**
     * @param text what was typed
     * @return why it cannot be a todo's text, or empty if it can (once trimmed)
     */
    static Optional<String> problem(String text) {
        String trimmed = text == null ? "" : text.trim();
        if (trimmed.isEmpty()) {
            return Optional.of("Type something to do first.");
        }
        if (trimmed.codePointCount(0, trimmed.length()) > MAX_TEXT) {
            return Optional.of("A todo is at most " + MAX_TEXT + " characters.");
        }
        if (trimmed.chars().anyMatch(Character::isISOControl)) {
            return Optional.of("A todo is one line of text.");
        }
        return Optional.empty();
    }

    List<TodoItem> all() throws SQLException {
        try (Connection c = database.getConnection();
             PreparedStatement select = c.prepareStatement("SELECT id, text, done FROM todo_dom_items ORDER BY id");
             ResultSet rows = select.executeQuery()) {
            List<TodoItem> items = new ArrayList<>();
            while (rows.next()) {
                items.add(new TodoItem(rows.getLong(1), rows.getString(2), rows.getBoolean(3)));
            }
            return items;
        }
    }

    Optional<TodoItem> find(long id) throws SQLException {
        try (Connection c = database.getConnection();
             PreparedStatement select = c.prepareStatement("SELECT id, text, done FROM todo_dom_items WHERE id = ?")) {
            select.setLong(1, id);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(new TodoItem(row.getLong(1), row.getString(2), row.getBoolean(3)))
                        : Optional.empty();
            }
        }
    }

    /** @param text valid text ({@link #problem} found none), trimmed here */
    TodoItem add(String text) throws SQLException {
        String trimmed = text.trim();
        try (Connection c = database.getConnection();
             PreparedStatement insert = c.prepareStatement("INSERT INTO todo_dom_items (text) VALUES (?)",
                     Statement.RETURN_GENERATED_KEYS)) {
            insert.setString(1, trimmed);
            insert.executeUpdate();
            try (ResultSet key = insert.getGeneratedKeys()) {
                if (!key.next()) {
                    throw new SQLException("The database returned no id for the new todo.");
                }
                return new TodoItem(key.getLong(1), trimmed, false);
            }
        }
    }

    /** @return the item as it is now, if it still exists */
    Optional<TodoItem> setDone(long id, boolean done) throws SQLException {
        return update("UPDATE todo_dom_items SET done = ? WHERE id = ?", id, statement -> statement.setBoolean(1,
                done));
    }

    /** @return the item as it is now, if it still exists */
    Optional<TodoItem> rename(long id, String text) throws SQLException {
        return update("UPDATE todo_dom_items SET text = ? WHERE id = ?", id, statement -> statement.setString(1,
                text.trim()));
    }

    /** @return true if it existed */
    boolean remove(long id) throws SQLException {
        try (Connection c = database.getConnection();
             PreparedStatement delete = c.prepareStatement("DELETE FROM todo_dom_items WHERE id = ?")) {
            delete.setLong(1, id);
            return delete.executeUpdate() == 1;
        }
    }

    private interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    private Optional<TodoItem> update(String sql, long id, Binder binder) throws SQLException {
        try (Connection c = database.getConnection();
             PreparedStatement update = c.prepareStatement(sql)) {
            binder.bind(update);
            update.setLong(2, id);
            if (update.executeUpdate() == 0) {
                return Optional.empty();
            }
        }
        return find(id);
    }
}
