package org.thywill.database.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class JdbcUrlsTest {

    @Test
    void passwordOptionsAreHidden() {
        assertEquals("jdbc:mysql://db/thywill?user=app&password=***&useSSL=true",
                JdbcUrls.redact("jdbc:mysql://db/thywill?user=app&password=s3cret&useSSL=true"));
        assertEquals("jdbc:mysql://db/thywill?password1=***&PASSWORD2=***",
                JdbcUrls.redact("jdbc:mysql://db/thywill?password1=a&PASSWORD2=b"));
    }

    @Test
    void passwordInUserInfoIsHidden() {
        assertEquals("jdbc:mysql://app:***@db:3306/thywill", JdbcUrls.redact("jdbc:mysql://app:s3cret@db:3306/thywill"));
    }

    @Test
    void urlWithoutPasswordIsUnchanged() {
        String url = "jdbc:mysql://db:3306/thywill?connectTimeout=5000";
        assertEquals(url, JdbcUrls.redact(url));
    }

    @Test
    void mariadbUrlIsGivenToConnectorJ() {
        assertEquals("jdbc:mysql://db:3306/thywill", JdbcUrls.forConnectorJ("jdbc:mariadb://db:3306/thywill"));
        assertEquals("jdbc:mysql://db:3306/thywill", JdbcUrls.forConnectorJ("jdbc:mysql://db:3306/thywill"));
    }
}
