package org.thywill.log.logback;

import org.thywill.api.Component;
import org.thywill.api.ComponentContext;
import org.thywill.api.ComponentProvider;
import org.thywill.api.Slot;

/**
 * Provides the {@code logback} implementation of the {@link Slot#LOG} slot. Depends on no other slot, so the kernel
 * starts it first and every other component's start-up is logged the configured way.
 */
public final class LogbackLogProvider implements ComponentProvider<LogbackSettings> {

    /** The name the settings file uses: {@code log: {implementation: logback}}. */
    public static final String NAME = "logback";

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
        return new LogbackLog(settings, context);
    }
}
