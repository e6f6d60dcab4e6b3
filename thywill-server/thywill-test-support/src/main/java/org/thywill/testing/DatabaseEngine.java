package org.thywill.testing;

import java.nio.file.Path;
import java.util.function.UnaryOperator;

/**
 * The Databases a test can run on, to run one test class on each of them rather than copy it per database:
 *
 * <pre>{@code
 * @ParameterizedClass
 * @EnumSource(DatabaseEngine.class)
 * class ShopTest {
 *     @Parameter DatabaseEngine engine;
 *     @TempDir Path home;
 *
 *     @Test void listsTheRows() {
 *         try (DatabaseEngine.Database db = engine.create("shop", home);
 *              ThywillTestServer server = db.use(ThywillTestServer.withApplications("shop")).start()) { ... }
 *     }
 * }
 * }</pre>
 */
public enum DatabaseEngine {

    /** H2 in MySQL mode, in a file under the servers' home, so that it outlives a server as the others do. */
    H2,
    /** A throw-away database on the MySQL or MariaDB server {@link MySqlTestDatabase} finds. */
    MYSQL,
    /** A throw-away database on the PostgreSQL server {@link PostgreSqlTestDatabase} finds. */
    POSTGRESQL;

    /**
     * @param purpose a word for the database's name, letters and underscores
     * @param home the servers' home (H2 keeps its file there)
     * @return a fresh, empty database, dropped when closed
     * @throws AssertionError if the server cannot be reached, saying what to set
     */
    public Database create(String purpose, Path home) {
        return switch (this) {
            case H2 -> new Database(b -> b.home(home).set("database", "file", "data/" + purpose), () -> { });
            case MYSQL -> {
                MySqlTestDatabase db = MySqlTestDatabase.create(purpose);
                yield new Database(b -> db.use(b.home(home)), db::close);
            }
            case POSTGRESQL -> {
                PostgreSqlTestDatabase db = PostgreSqlTestDatabase.create(purpose);
                yield new Database(b -> db.use(b.home(home)), db::close);
            }
        };
    }

    /** A throw-away database of one engine, for one test; every server started with {@link #use} shares it. */
    public static final class Database implements AutoCloseable {

        private final UnaryOperator<ThywillTestServer.Builder> use;
        private final Runnable drop;

        private Database(UnaryOperator<ThywillTestServer.Builder> use, Runnable drop) {
            this.use = use;
            this.drop = drop;
        }

        /**
         * @param builder a test server's settings
         * @return the builder, with its Database on this database and its home the one given to {@code create}
         */
        public ThywillTestServer.Builder use(ThywillTestServer.Builder builder) {
            return use.apply(builder);
        }

        /** Drops the database (H2's file goes with the home folder). */
        @Override
        public void close() {
            drop.run();
        }
    }
}
