/**
 * The Database slot over JDBC. Two providers share one implementation:
 * <ul>
 *   <li>{@code h2} ({@link org.thywill.database.jdbc.H2DatabaseProvider}), the embedded default: a file under
 *   Thywill's home, or {@code mem} for tests;</li>
 *   <li>{@code mysql} ({@link org.thywill.database.jdbc.MySqlDatabaseProvider}): a MySQL or MariaDB server.</li>
 * </ul>
 * Both pool connections with HikariCP and migrate the schema with Flyway from {@code db/thywill} on the class path,
 * recording it in {@code thywill_schema_history}. H2 runs in MySQL mode so that one set of migrations serves all.
 * Applications' own migrations run beside it, each with a history table of its own ({@code ApplicationMigration}).
 */
package org.thywill.database.jdbc;
