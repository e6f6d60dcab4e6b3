package org.thywill.apps.todo;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** The list's table, {@code todo_item}, through plain JDBC: the only class that knows the SQL. */
final class TodoStore {

    private final DataSource dataSource;

    TodoStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** @return every item, oldest first */
    List<TodoItem> all() throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT id, text FROM todo_item ORDER BY id");
             ResultSet rows = select.executeQuery()) {
            List<TodoItem> items = new ArrayList<>();
            while (rows.next()) {
                items.add(new TodoItem(rows.getLong("id"), rows.getString("text")));
            }
            return items;
        }
    }

    /**
     * @param text what to do, already validated
     * @return the stored item with its new id
     */
    TodoItem add(String text) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("INSERT INTO todo_item (text) VALUES (?)",
                     Statement.RETURN_GENERATED_KEYS)) {
            insert.setString(1, text);
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                if (!keys.next()) {
                    throw new SQLException("The database returned no id for the new todo item");
                }
                return new TodoItem(keys.getLong(1), text);
            }
        }
    }

    /**
     * @param id an item's id
     * @return whether there was such an item to remove
     */
    boolean remove(long id) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement delete = connection.prepareStatement("DELETE FROM todo_item WHERE id = ?")) {
            delete.setLong(1, id);
            return delete.executeUpdate() > 0;
        }
    }
}
