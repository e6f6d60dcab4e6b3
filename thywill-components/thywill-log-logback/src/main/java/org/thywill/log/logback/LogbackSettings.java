package org.thywill.log.logback;

import ch.qos.logback.core.util.FileSize;
import java.util.List;
import java.util.Locale;
import org.thywill.api.SettingsException;

/**
 * The {@code log} section when its {@code implementation} is {@code logback}.
 *
 * <table>
 *   <caption>Keys</caption>
 *   <tr><th>Name</th><th>Default</th><th>Description</th></tr>
 *   <tr><td>{@code level}</td><td>{@code INFO}</td><td>The root logger's level: one of TRACE, DEBUG, INFO, WARN,
 *       ERROR or OFF, in any case. Jetty, CometD, HikariCP and Spring stay at WARN unless this is quieter.</td></tr>
 *   <tr><td>{@code file}</td><td>{@code logs/thywill.log}</td><td>The log file, relative to Thywill's home folder
 *       unless absolute; its folder is created. Rolled daily and when it reaches {@code maxFileSize}. An empty
 *       value writes no file.</td></tr>
 *   <tr><td>{@code console}</td><td>{@code true}</td><td>Whether to log to standard output as well.</td></tr>
 *   <tr><td>{@code maxFileSize}</td><td>{@code 10MB}</td><td>The size at which the file rolls over, such as
 *       {@code 500KB}, {@code 10MB} or {@code 1GB}.</td></tr>
 *   <tr><td>{@code maxHistory}</td><td>{@code 5}</td><td>How many days of rolled files to keep; {@code 0} keeps
 *       them all.</td></tr>
 *   <tr><td>{@code totalSizeCap}</td><td>{@code 1GB}</td><td>The most the rolled files may take together: past
 *       it the oldest are deleted, whatever their age, so a flood of lines cannot fill the disk.</td></tr>
 *   <tr><td>{@code clientErrorsPerMinute}</td><td>{@code 10}</td><td>How many error reports one browser
 *       session (or, without one, one address) may send per minute; {@code 0} accepts none.</td></tr>
 *   <tr><td>{@code clientErrorsPerAddressPerMinute}</td><td>{@code 60}</td><td>How many error reports one address
 *       may send per minute, whatever its sessions (a new session costs one page load); {@code 0} accepts
 *       none.</td></tr>
 * </table>
 *
 * @param level the root logger's level, upper case once constructed
 * @param file the log file as written in the settings, or empty for none
 * @param console whether to log to standard output
 * @param maxFileSize the size at which the file rolls over
 * @param maxHistory how many days of rolled files to keep
 * @param totalSizeCap the most the rolled files may take together
 * @param clientErrorsPerMinute how many browser error reports one session (or sessionless address) may send per
 *     minute
 * @param clientErrorsPerAddressPerMinute how many browser error reports one address may send per minute
 */
public record LogbackSettings(String level, String file, Boolean console, String maxFileSize, Integer maxHistory,
                              String totalSizeCap, Integer clientErrorsPerMinute,
                              Integer clientErrorsPerAddressPerMinute) {

    /** The levels {@code level} accepts, most verbose first. */
    public static final List<String> LEVELS = List.of("TRACE", "DEBUG", "INFO", "WARN", "ERROR", "OFF");

    /** Applies defaults for absent values and validates. */
    public LogbackSettings {
        level = level == null || level.isBlank() ? "INFO" : level.trim().toUpperCase(Locale.ROOT);
        SettingsException.require(LEVELS.contains(level), "level",
                "must be one of " + String.join(", ", LEVELS) + ", not '" + level + "'");
        file = file == null ? "logs/thywill.log" : file.trim();
        console = console == null ? Boolean.TRUE : console;
        maxFileSize = maxFileSize == null || maxFileSize.isBlank() ? "10MB" : maxFileSize.trim();
        SettingsException.require(isFileSize(maxFileSize), "maxFileSize",
                "must be a size such as 500KB, 10MB or 1GB, not '" + maxFileSize + "'");
        maxHistory = maxHistory == null ? 5 : maxHistory;
        SettingsException.require(maxHistory >= 0, "maxHistory",
                "must be 0 (keep every rolled file) or more, not " + maxHistory);
        totalSizeCap = totalSizeCap == null || totalSizeCap.isBlank() ? "1GB" : totalSizeCap.trim();
        SettingsException.require(isFileSize(totalSizeCap), "totalSizeCap",
                "must be a size such as 500MB or 2GB, not '" + totalSizeCap + "'");
        clientErrorsPerMinute = clientErrorsPerMinute == null ? 10 : clientErrorsPerMinute;
        SettingsException.require(clientErrorsPerMinute >= 0, "clientErrorsPerMinute",
                "must be 0 (accept no browser error reports) or more, not " + clientErrorsPerMinute);
        clientErrorsPerAddressPerMinute = clientErrorsPerAddressPerMinute == null ? 60
                : clientErrorsPerAddressPerMinute;
        SettingsException.require(clientErrorsPerAddressPerMinute >= 0, "clientErrorsPerAddressPerMinute",
                "must be 0 (accept no browser error reports) or more, not " + clientErrorsPerAddressPerMinute);
    }

    /** @return the settings used when the section sets nothing */
    public static LogbackSettings defaults() {
        return new LogbackSettings(null, null, null, null, null, null, null, null);
    }

    /** @return whether a log file is written */
    public boolean writesFile() {
        return !file.isEmpty();
    }

    private static boolean isFileSize(String text) {
        try {
            return FileSize.valueOf(text).getSize() > 0;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
