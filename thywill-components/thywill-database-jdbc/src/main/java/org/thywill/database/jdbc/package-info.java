/**
 * The Database slot over JDBC. Three providers share one implementation:
 * <ul>
 *   <li>{@code h2} ({@link org.thywill.database.jdbc.H2DatabaseProvider}), the embedded default: a file under
 *   Thywill's home, or {@code mem} for tests;</li>
 *   <li>{@code mysql} ({@link org.thywill.database.jdbc.MySqlDatabaseProvider}): a MySQL or MariaDB server;</li>
 *   <li>{@code postgresql} ({@link org.thywill.database.jdbc.PostgreSqlDatabaseProvider}): a PostgreSQL server.</li>
 * </ul>
 * All pool connections with HikariCP and migrate the schema with Flyway, recording it in
 * {@code thywill_schema_history}: from {@code db/thywill} for H2 (in MySQL mode) and MySQL, from
 * {@code db/thywill-postgresql} for PostgreSQL. {@link org.thywill.database.jdbc.SqlDialect} holds the rest of
 * what differs.
 * Applications' own migrations run beside it, each with a history table of its own ({@code ApplicationMigration}).
 */
package org.thywill.database.jdbc;
