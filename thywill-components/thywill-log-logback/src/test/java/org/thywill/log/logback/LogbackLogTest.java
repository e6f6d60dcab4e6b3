package org.thywill.log.logback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.util.ContextInitializer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.thywill.api.ClientConfiguration;
import org.thywill.api.ClientResource;
import org.thywill.api.ThywillException;
import org.thywill.api.client.SessionId;
import org.thywill.api.http.HttpEndpoint;

class LogbackLogTest {

    @TempDir
    Path home;

    private LogbackLog log;

    @AfterEach
    void restoreLogging() throws Exception {
        if (log != null) {
            log.stop();
        }
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        context.reset();
        new ContextInitializer(context).autoConfig();
    }

    private LogbackLog start(String level, String file) {
        log = new LogbackLog(new LogbackSettings(level, file, false, null, null, null), new TestComponentContext(home));
        log.start();
        return log;
    }

    @Test
    void startWritesToTheFileItCreatesWithTheRootLevelApplied() throws Exception {
        start("INFO", "var/logs/server.log");
        Logger logger = LoggerFactory.getLogger("org.thywill.test");
        logger.info("written at info");
        logger.debug("not written at info");
        log.stop();

        String written = Files.readString(home.resolve("var/logs/server.log"));
        assertTrue(written.contains("INFO  [main] org.thywill.test - written at info"), written);
        assertFalse(written.contains("not written at info"), written);
    }

    @Test
    void chattyLibrariesStayAtWarnWhenTheRootIsMoreVerbose() throws Exception {
        start("debug", "server.log");
        LoggerFactory.getLogger("org.thywill.test").debug("own debug line");
        LoggerFactory.getLogger("org.eclipse.jetty.server.Server").info("jetty info line");
        LoggerFactory.getLogger("org.eclipse.jetty.server.Server").warn("jetty warn line");
        LoggerFactory.getLogger("org.flywaydb.core.Flyway").info("flyway info line");
        log.stop();

        String written = Files.readString(home.resolve("server.log"));
        assertTrue(written.contains("own debug line"), written);
        assertFalse(written.contains("jetty info line"), written);
        assertTrue(written.contains("jetty warn line"), written);
        assertTrue(written.contains("flyway info line"), written);
    }

    @Test
    void aFolderThatCannotBeCreatedFailsNamingThePathAndTheSetting() throws Exception {
        Files.writeString(home.resolve("taken"), "a file where the log folder should be");
        ThywillException e = assertThrows(ThywillException.class, () -> start("INFO", "taken/logs/thywill.log"));
        assertTrue(e.getMessage().contains(home.resolve("taken").resolve("logs").toString()), e.getMessage());
        assertTrue(e.getMessage().contains("log.file"), e.getMessage());
    }

    @Test
    void stopBeforeStartDoesNothing() {
        log = new LogbackLog(LogbackSettings.defaults(), new TestComponentContext(home));
        log.stop();
        assertFalse(Files.exists(home.resolve("logs")));
    }

    @Test
    void contributeAddsTheScriptAndItsParameters() {
        LogbackSettings settings = new LogbackSettings(null, "", null, null, null, 7);
        LogbackLog configured = new LogbackLog(settings, new TestComponentContext(home));
        ClientConfiguration page = new ClientConfiguration("chat", new SessionId("s-1"));

        configured.contribute(page);

        assertEquals(List.of(ClientResource.script("/thywill/log/errors.js", 20)), page.bootstrapResources());
        assertEquals(Map.of("clientErrorsUrl", "/thywill/log/client-error", "maxPerMinute", 7),
                page.bootstrapParameters().get("log"));
    }

    @Test
    void endpointsServeTheLogPrefix() {
        List<HttpEndpoint> endpoints = new LogbackLog(LogbackSettings.defaults(), new TestComponentContext(home))
                .endpoints();
        assertEquals(1, endpoints.size());
        assertInstanceOf(ClientErrorEndpoint.class, endpoints.get(0));
        assertEquals("/thywill/log/", endpoints.get(0).pathPrefix());
    }
}
