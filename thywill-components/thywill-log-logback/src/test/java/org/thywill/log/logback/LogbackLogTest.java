package org.thywill.log.logback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.classic.util.ContextInitializer;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.TimeBasedRollingPolicy;
import ch.qos.logback.core.util.FileSize;
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
import org.thywill.testing.fixtures.HomeComponentContext;

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
        return start(level, file, false);
    }

    private LogbackLog start(String level, String file, boolean json) {
        log = new LogbackLog(new LogbackSettings(level, file, false, null, null, null, null, null),
                new HomeComponentContext(home), json);
        log.start();
        return log;
    }

    private static final String FORGING = "oops\n12:00:00.000 ERROR [main] org.thywill.Kernel - forged\r\u001b[31mred"
            + "\u2028after";

    @Test
    void aClientsLineBreaksAndControlCharactersCannotForgeALineInTheTextLog() throws Exception {
        start("INFO", "server.log");
        LoggerFactory.getLogger("thywill.browser").warn("Browser error: {} at {}", FORGING, "x.js");
        LoggerFactory.getLogger("org.thywill.test").info("next");
        log.stop();

        List<String> lines = Files.readAllLines(home.resolve("server.log"));
        assertEquals(2, lines.size(), String.join("\n", lines));
        assertTrue(lines.get(0).endsWith("Browser error: oops\\n12:00:00.000 ERROR [main] org.thywill.Kernel - forged"
                + "\\r\\u001b[31mred\\u2028after at x.js"), lines.get(0));
    }

    @Test
    void theStartUpConfigurationEscapesMessagesToo() throws Exception {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        context.reset();
        new ContextInitializer(context).autoConfig();
        ch.qos.logback.classic.Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        ConsoleAppender<ILoggingEvent> console = (ConsoleAppender<ILoggingEvent>) root.getAppender("thywill-console");
        PatternLayoutEncoder encoder = (PatternLayoutEncoder) console.getEncoder();
        String line = encoder.getLayout().doLayout(new LoggingEvent(Logger.class.getName(), root, Level.WARN,
                "Browser error: {}", null, new Object[] {FORGING}));
        assertTrue(line.endsWith("forged\\r\\u001b[31mred\\u2028after" + System.lineSeparator()), line);
        assertEquals(1, line.lines().count(), line);
    }

    @Test
    void aClientsLineBreaksCannotForgeALineInTheJsonLog() throws Exception {
        start("INFO", "server.log", true);
        LoggerFactory.getLogger("thywill.browser").warn("Browser error: {}", FORGING);
        log.stop();

        List<String> lines = Files.readAllLines(home.resolve("server.log"));
        assertEquals(1, lines.stream().filter(line -> line.contains("Browser error")).count(), lines.toString());
        assertTrue(lines.stream().noneMatch(line -> line.startsWith("12:00")), lines.toString());
    }

    @Test
    void aClientsTextInAnExceptionsMessageCannotForgeALineEither() throws Exception {
        start("INFO", "server.log");
        Exception e = new IllegalStateException("outer", new IllegalArgumentException("bad value " + FORGING));
        LoggerFactory.getLogger("org.thywill.test").error("A handler failed", e);
        log.stop();

        List<String> lines = Files.readAllLines(home.resolve("server.log"));
        assertTrue(lines.stream().noneMatch(line -> line.startsWith("12:00")), String.join("\n", lines));
        assertTrue(lines.stream().anyMatch(line -> line.startsWith("Caused by: java.lang.IllegalArgumentException:"
                + " bad value oops\\n12:00:00.000 ERROR")), String.join("\n", lines));
        assertTrue(lines.stream().anyMatch(line -> line.startsWith("\tat org.thywill.log.logback.LogbackLogTest")),
                "the frames keep their lines");
    }

    @Test
    void aLongMessageIsCutSayingHowMuch() throws Exception {
        start("INFO", "server.log");
        LoggerFactory.getLogger("thywill.browser").warn("{}", "x".repeat(25_000));
        log.stop();

        String line = Files.readAllLines(home.resolve("server.log")).get(0);
        assertTrue(line.endsWith("x... (15000 more characters cut)"), line.substring(line.length() - 60));
        assertTrue(line.length() < EscapedMessageConverter.MAX_LENGTH + 200, "length " + line.length());
    }

    @Test
    void theRolledFilesHaveATotalSizeCap() throws Exception {
        start("INFO", "server.log");
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        RollingFileAppender<?> file = (RollingFileAppender<?>) context.getLogger(Logger.ROOT_LOGGER_NAME)
                .getAppender("thywill-file");
        TimeBasedRollingPolicy<?> policy = (TimeBasedRollingPolicy<?>) file.getRollingPolicy();
        java.lang.reflect.Field cap = TimeBasedRollingPolicy.class.getDeclaredField("totalSizeCap");
        cap.setAccessible(true);
        assertEquals(FileSize.valueOf("1GB").getSize(), ((FileSize) cap.get(policy)).getSize());
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
        log = new LogbackLog(LogbackSettings.defaults(), new HomeComponentContext(home));
        log.stop();
        assertFalse(Files.exists(home.resolve("logs")));
    }

    @Test
    void contributeAddsTheScriptAndItsParameters() {
        LogbackSettings settings = new LogbackSettings(null, "", null, null, null, null, 7, null);
        LogbackLog configured = new LogbackLog(settings, new HomeComponentContext(home));
        ClientConfiguration page = new ClientConfiguration("chat", new SessionId("s-1"));

        configured.contribute(page);

        assertEquals(List.of(ClientResource.script("/thywill/log/errors.js", 20)), page.bootstrapResources());
        assertEquals(Map.of("clientErrorsUrl", "/thywill/log/client-error", "maxPerMinute", 7),
                page.bootstrapParameters().get("log"));
    }

    @Test
    void endpointsServeTheLogPrefix() {
        List<HttpEndpoint> endpoints = new LogbackLog(LogbackSettings.defaults(), new HomeComponentContext(home))
                .endpoints();
        assertEquals(1, endpoints.size());
        assertInstanceOf(ClientErrorEndpoint.class, endpoints.get(0));
        assertEquals("/thywill/log/", endpoints.get(0).pathPrefix());
    }
}
