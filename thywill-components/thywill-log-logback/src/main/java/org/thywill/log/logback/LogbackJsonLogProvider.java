package org.thywill.log.logback;

import org.thywill.api.Component;
import org.thywill.api.ComponentContext;
import org.thywill.api.ComponentProvider;
import org.thywill.api.Slot;

/**
 * Provides the {@code logback-json} implementation of the {@link Slot#LOG} slot: the {@code logback} log with the
 * same settings, writing one JSON object per line (Logback's {@code JsonEncoder}) for a log collector to parse.
 * Lines about a client carry {@code applicationId}, {@code sessionId} and {@code connectionId} in their
 * {@code mdc} object.
 */
public final class LogbackJsonLogProvider implements ComponentProvider<LogbackSettings> {

    /** The name the settings file uses: {@code log: {implementation: logback-json}}. */
    public static final String NAME = "logback-json";

    @Override
    public Slot slot() {
        return Slot.LOG;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Class<LogbackSettings> settingsType() {
        return LogbackSettings.class;
    }

    @Override
    public Component create(LogbackSettings settings, ComponentContext context) {
        return new LogbackLog(settings, context, true);
    }
}
