package org.thywill.database.jdbc;

import java.time.Duration;
import java.util.Map;

/**
 * What a {@link JdbcDatabase} connects to. Each provider turns its settings into one, so pooling, migration and
 * sessions are written once.
 *
 * @param provider the provider's name, for pool names and messages
 * @param driverClassName the JDBC driver, named so that it loads from this module's class loader
 * @param url the URL handed to the driver
 * @param displayUrl the URL as configured, without passwords, for logs and messages
 * @param user the user name
 * @param password the password
 * @param poolSize the maximum number of pooled connections
 * @param connectTimeout how long to wait for a connection
 * @param startupTimeout how long start-up retries while the database cannot be reached; zero tries once
 * @param driverProperties extra connection properties for the driver
 * @param advice what an operator should check when the database cannot be opened
 * @param embedded whether the database runs inside this JVM and must be shut down when the pool closes
 * @param dialect the engine's SQL where it differs
 */
record JdbcTarget(String provider, String driverClassName, String url, String displayUrl, String user,
                  String password, int poolSize, Duration connectTimeout, Duration startupTimeout,
                  Map<String, String> driverProperties,
                  String advice, boolean embedded, SqlDialect dialect) {

    /** Copies the properties. */
    JdbcTarget {
        driverProperties = Map.copyOf(driverProperties);
    }

    /**
     * @param provider the provider's name
     * @param driverClassName the JDBC driver
     * @param url the URL handed to the driver
     * @param settings the server's section
     * @param driverProperties extra connection properties for the driver
     * @param dialect the engine's SQL
     * @return a target on a database server, which start-up waits for and whose URL is shown without passwords
     */
    static JdbcTarget server(String provider, String driverClassName, String url, ServerSettings settings,
                             Map<String, String> driverProperties, SqlDialect dialect) {
        return new JdbcTarget(provider, driverClassName, url, JdbcUrls.redact(settings.url()), settings.user(),
                settings.password(), settings.poolSize(), settings.connectTimeout(), settings.startupTimeout(),
                driverProperties, ServerSettings.ADVICE, false, dialect);
    }

    @Override
    public String toString() {
        return "JdbcTarget[" + provider + " " + displayUrl + " as " + user + "]";
    }
}
