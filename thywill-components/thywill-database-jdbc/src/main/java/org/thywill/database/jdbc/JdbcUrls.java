package org.thywill.database.jdbc;

import java.util.regex.Pattern;

/** JDBC URL rules the server providers need: passwords never reach a log, and MariaDB URLs reach Connector/J. */
final class JdbcUrls {

    static final String MYSQL_PREFIX = "jdbc:mysql:";
    static final String MARIADB_PREFIX = "jdbc:mariadb:";
    static final String POSTGRESQL_PREFIX = "jdbc:postgresql:";

    /** {@code ?password=x}, {@code &password2=x}, {@code ;PASSWORD=x}. */
    private static final Pattern PASSWORD_OPTION = Pattern.compile("(?i)([?&;]password\\d*=)[^&;]*");

    /** {@code //user:secret@host}. */
    private static final Pattern USER_INFO_PASSWORD = Pattern.compile("(//[^/:@]*:)[^/@]*@");

    private JdbcUrls() {
    }

    /**
     * @param url a JDBC URL as configured
     * @return the URL with any password replaced by {@code ***}
     */
    static String redact(String url) {
        String withoutOption = PASSWORD_OPTION.matcher(url).replaceAll("$1***");
        return USER_INFO_PASSWORD.matcher(withoutOption).replaceAll("$1***@");
    }

    /**
     * Connector/J speaks to MariaDB too but only accepts its own prefix; the MariaDB driver is not bundled.
     *
     * @param url a {@code jdbc:mysql:} or {@code jdbc:mariadb:} URL
     * @return the URL Connector/J accepts
     */
    static String forConnectorJ(String url) {
        return url.startsWith(MARIADB_PREFIX) ? MYSQL_PREFIX + url.substring(MARIADB_PREFIX.length()) : url;
    }
}
