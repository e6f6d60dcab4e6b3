package org.thywill.database.jdbc;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import org.thywill.api.ComponentContext;
import org.thywill.api.ComponentDescriptor;
import org.thywill.api.ComponentProvider;
import org.thywill.api.Slot;
import org.thywill.api.database.Database;

/**
 * What the JDBC Database providers share, written once: the slot, the Log dependency and a {@link JdbcDatabase}
 * over the {@link JdbcTarget} each one makes of its settings.
 *
 * @param <S> the provider's settings record
 */
abstract class JdbcDatabaseProvider<S extends JdbcDatabaseProvider.Settings> implements ComponentProvider<S> {

    /** The settings every JDBC provider reads the same way. */
    interface Settings {

        /** @return how long a session lasts without activity */
        Duration sessionLifetime();

        /** @return the most bytes of session data a session may hold */
        Integer sessionDataMaxBytes();

        /** @return the most session data attributes a session may hold */
        Integer sessionDataMaxAttributes();

        /** @return the caps on session data these settings give */
        default SessionDataLimits sessionDataLimits() {
            return new SessionDataLimits(sessionDataMaxBytes(), sessionDataMaxAttributes());
        }
    }

    private final ComponentDescriptor<S> descriptor;

    JdbcDatabaseProvider(String name, Class<S> settingsType) {
        this.descriptor = new ComponentDescriptor<>(Slot.DATABASE, name, settingsType, Set.of(Slot.LOG));
    }

    @Override
    public final ComponentDescriptor<S> descriptor() {
        return descriptor;
    }

    @Override
    public final Database create(S settings, ComponentContext context) {
        return new JdbcDatabase(target(settings, context), new SessionLifetime(settings.sessionLifetime()),
                settings.sessionDataLimits(),
                new SecureRandom(), context.metrics(), Clock.systemUTC());
    }

    /**
     * @param settings the section
     * @param context what the kernel offers, such as Thywill's home to resolve files against
     * @return what to connect to
     */
    abstract JdbcTarget target(S settings, ComponentContext context);
}
