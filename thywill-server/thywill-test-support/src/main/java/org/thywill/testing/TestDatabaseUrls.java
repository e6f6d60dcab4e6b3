package org.thywill.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** What the throw-away databases of every engine do alike: name a database in a server's URL, read a column. */
final class TestDatabaseUrls {

    private TestDatabaseUrls() {
    }

    /** {@code jdbc:<engine>://host:port/anything?options} with the database replaced, host and options kept. */
    static String withDatabase(String serverUrl, String database) {
        int query = serverUrl.indexOf('?');
        String base = query < 0 ? serverUrl : serverUrl.substring(0, query);
        String options = query < 0 ? "" : serverUrl.substring(query);
        int path = base.indexOf('/', base.indexOf("//") + 2);
        return (path < 0 ? base : base.substring(0, path)) + "/" + database + options;
    }

    /**
     * Reads one column, past Thywill, to check what the database itself holds.
     *
     * @return the first column of every row, as strings
     * @throws AssertionError naming the query and the database when it fails
     */
    static List<String> column(String url, String user, String password, String name, String sql) {
        try (Connection connection = DriverManager.getConnection(url, user, password);
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            List<String> values = new ArrayList<>();
            while (rows.next()) {
                values.add(rows.getString(1));
            }
            return values;
        } catch (SQLException e) {
            throw new AssertionError("Could not run '" + sql + "' in " + name + ": " + e.getMessage(), e);
        }
    }
}
