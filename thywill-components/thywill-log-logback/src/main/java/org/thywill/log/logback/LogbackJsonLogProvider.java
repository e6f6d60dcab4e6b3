package org.thywill.log.logback;

import org.thywill.api.Slot;

/**
 * Provides the {@code logback-json} implementation of the {@link Slot#LOG} slot: the {@code logback} log with the
 * same settings, writing one JSON object per line (Logback's {@code JsonEncoder}) for a log collector to parse.
 * Lines about a client carry {@code applicationId}, {@code sessionId} and {@code connectionId} in their
 * {@code mdc} object.
 */
public final class LogbackJsonLogProvider extends LogbackLogProvider {

    /** The name the settings file uses: {@code log: {implementation: logback-json}}. */
    public static final String NAME = "logback-json";

    @Override
    String name() {
        return NAME;
    }

    @Override
    boolean json() {
        return true;
    }
}
