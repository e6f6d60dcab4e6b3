package org.thywill.log.logback;

import org.thywill.api.Component;
import org.thywill.api.ComponentContext;
import org.thywill.api.ComponentDescriptor;
import org.thywill.api.ComponentProvider;
import org.thywill.api.Slot;

/**
 * Provides the {@code logback} implementation of the {@link Slot#LOG} slot. Depends on no other slot, so the kernel
 * starts it first and every other component's start-up is logged the configured way. {@link LogbackJsonLogProvider}
 * is the same log with another encoder.
 */
public class LogbackLogProvider implements ComponentProvider<LogbackSettings> {

    /** The name the settings file uses: {@code log: {implementation: logback}}. */
    public static final String NAME = "logback";

    @Override
    public final ComponentDescriptor<LogbackSettings> descriptor() {
        return new ComponentDescriptor<>(Slot.LOG, name(), LogbackSettings.class);
    }

    /** @return the name the settings file uses */
    String name() {
        return NAME;
    }

    @Override
    public final Component create(LogbackSettings settings, ComponentContext context) {
        return new LogbackLog(settings, context, json());
    }

    /** @return whether each line is a JSON object rather than text */
    boolean json() {
        return false;
    }
}
