package org.thywill.log.logback;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeAndTimeBasedRollingPolicy;
import ch.qos.logback.core.status.Status;
import ch.qos.logback.core.util.FileSize;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;
import org.thywill.api.ThywillException;

/**
 * Applies {@link LogbackSettings} to Logback in code rather than through a generated XML file, so a bad setting
 * fails start-up with a message instead of a line in Logback's status output.
 */
final class LogbackSetup {

    /**
     * The layout of every line, on the console and in the file; its {@code %msg} is {@link EscapedMessageConverter}
     * and its {@code %ex} {@link EscapedThrowableConverter}, so every event is one line (plus the frames of an
     * exception's stack trace).
     */
    static final String PATTERN = "%d{HH:mm:ss.SSS} %-5level [%thread] %logger{36} - %msg%n%ex";

    /**
     * Libraries that log a lot at INFO, and the level they are held at (unless the root level is quieter still).
     * Flyway stays at INFO because its migration lines are worth reading.
     */
    static final Map<String, Level> QUIET_LOGGERS = Map.of(
            "org.eclipse.jetty", Level.WARN,
            "org.cometd", Level.WARN,
            "com.zaxxer.hikari", Level.WARN,
            "org.springframework", Level.WARN,
            "org.flywaydb", Level.INFO);

    private final LogbackSettings settings;
    private final Optional<Path> file;
    private final boolean json;
    private final List<Appender<ILoggingEvent>> fileAppenders = new ArrayList<>();
    private LoggerContext context;

    /**
     * @param settings what to configure
     * @param file the resolved log file, or empty for none
     * @param json whether to write one JSON object per line rather than {@link #PATTERN}
     */
    LogbackSetup(LogbackSettings settings, Optional<Path> file, boolean json) {
        this.settings = settings;
        this.file = file;
        this.json = json;
    }

    /**
     * Resets Logback and configures it from the settings.
     *
     * @throws ThywillException if SLF4J is not bound to Logback, or the log file's folder cannot be created or the
     *     file cannot be opened
     */
    synchronized void apply() {
        LoggerContext loggerContext = loggerContext();
        Optional<Path> folder = file.map(Path::toAbsolutePath).map(Path::getParent);
        if (folder.isPresent()) {
            createFolder(folder.get());
        }
        loggerContext.reset();
        Logger root = loggerContext.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        Level rootLevel = Level.toLevel(settings.level());
        root.setLevel(rootLevel);
        QUIET_LOGGERS.forEach((name, level) -> {
            if (!rootLevel.isGreaterOrEqual(level)) {
                loggerContext.getLogger(name).setLevel(level);
            }
        });
        if (settings.console()) {
            root.addAppender(console(loggerContext));
        }
        if (file.isPresent()) {
            RollingFileAppender<ILoggingEvent> appender = rollingFile(loggerContext, file.get().toAbsolutePath());
            root.addAppender(appender);
            fileAppenders.add(appender);
        }
        this.context = loggerContext;
    }

    /** Detaches and closes the file appender, which flushes it; the console appender stays for the last lines. */
    synchronized void stop() {
        if (context == null) {
            return;
        }
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        for (Appender<ILoggingEvent> appender : fileAppenders) {
            root.detachAppender(appender);
            appender.stop();
        }
        fileAppenders.clear();
        context = null;
    }

    private static LoggerContext loggerContext() {
        ILoggerFactory factory = LoggerFactory.getILoggerFactory();
        if (factory instanceof LoggerContext loggerContext) {
            return loggerContext;
        }
        throw new ThywillException("SLF4J logs through " + factory.getClass().getName() + ", not Logback, so the "
                + "'log' implementation 'logback' cannot configure it: remove the other SLF4J provider from the "
                + "class path, or pick another 'log.implementation'");
    }

    private static void createFolder(Path folder) {
        try {
            Files.createDirectories(folder);
        } catch (IOException | SecurityException e) {
            throw new ThywillException("Cannot create the log folder " + folder + " (" + e + "): change 'log.file' "
                    + "to a path Thywill may write, or set it to \"\" to write no log file", e);
        }
    }

    private Encoder<ILoggingEvent> encoder(LoggerContext loggerContext) {
        if (json) {
            // One object per line: time, level, thread, logger, the formatted message, the MDC (the ids of the
            // application, session and connection a line is about) and any exception.
            JsonEncoder encoder = new JsonEncoder();
            encoder.setContext(loggerContext);
            encoder.setWithContext(false);
            encoder.setWithSequenceNumber(false);
            encoder.setWithNanoseconds(false);
            encoder.setWithMessage(false);
            encoder.setWithArguments(false);
            encoder.setWithFormattedMessage(true);
            encoder.start();
            return encoder;
        }
        PatternLayout layout = new PatternLayout();
        layout.setContext(loggerContext);
        for (String word : List.of("msg", "m", "message")) {
            layout.getInstanceConverterMap().put(word, EscapedMessageConverter::new);
        }
        for (String word : List.of("ex", "exception", "throwable")) {
            layout.getInstanceConverterMap().put(word, EscapedThrowableConverter::new);
        }
        layout.setPattern(PATTERN);
        layout.start();
        LayoutWrappingEncoder<ILoggingEvent> encoder = new LayoutWrappingEncoder<>();
        encoder.setContext(loggerContext);
        encoder.setCharset(StandardCharsets.UTF_8);
        encoder.setLayout(layout);
        encoder.start();
        return encoder;
    }

    private ConsoleAppender<ILoggingEvent> console(LoggerContext loggerContext) {
        ConsoleAppender<ILoggingEvent> appender = new ConsoleAppender<>();
        appender.setContext(loggerContext);
        appender.setName("thywill-console");
        appender.setEncoder(encoder(loggerContext));
        appender.start();
        return appender;
    }

    private RollingFileAppender<ILoggingEvent> rollingFile(LoggerContext loggerContext, Path path) {
        RollingFileAppender<ILoggingEvent> appender = new RollingFileAppender<>();
        appender.setContext(loggerContext);
        appender.setName("thywill-file");
        appender.setFile(path.toString());
        SizeAndTimeBasedRollingPolicy<ILoggingEvent> policy = new SizeAndTimeBasedRollingPolicy<>();
        policy.setContext(loggerContext);
        policy.setParent(appender);
        policy.setFileNamePattern(rolledName(path));
        policy.setMaxFileSize(FileSize.valueOf(settings.maxFileSize()));
        policy.setMaxHistory(settings.maxHistory());
        policy.setTotalSizeCap(FileSize.valueOf(settings.totalSizeCap()));
        policy.start();
        appender.setRollingPolicy(policy);
        appender.setEncoder(encoder(loggerContext));
        long since = System.currentTimeMillis();
        appender.start();
        if (!appender.isStarted()) {
            policy.stop();
            throw new ThywillException("Cannot write the log file " + path + errorsSince(loggerContext, since)
                    + ": change 'log.file' to a path Thywill may write, or set it to \"\" to write no log file");
        }
        return appender;
    }

    /** {@code logs/thywill.log} rolls to {@code logs/thywill.2026-11-22.0.log.gz}, and so on. */
    static String rolledName(Path path) {
        String name = path.toString();
        String stem = name.endsWith(".log") ? name.substring(0, name.length() - ".log".length()) : name;
        return stem + ".%d{yyyy-MM-dd}.%i.log.gz";
    }

    private static String errorsSince(LoggerContext loggerContext, long since) {
        String errors = loggerContext.getStatusManager().getCopyOfStatusList().stream()
                .filter(status -> status.getLevel() == Status.ERROR && status.getTimestamp() >= since)
                .map(Status::getMessage)
                .collect(Collectors.joining("; "));
        return errors.isEmpty() ? "" : " (" + errors + ")";
    }
}
