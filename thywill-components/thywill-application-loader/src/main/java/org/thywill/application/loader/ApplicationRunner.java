package org.thywill.application.loader;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.thywill.api.admin.AdminAccess;
import org.thywill.api.database.Database;
import org.thywill.api.metrics.Metrics;
import org.thywill.api.push.Envelopes;
import org.thywill.api.push.Push;

/**
 * Runs an application's own code (its descriptive methods, migrations, start and stop) under its class loader, so
 * that what it throws is reported by name and never stops the server or another application.
 *
 * @param push the Push, for the applications' contexts
 * @param database the Database, for migrations and the applications' contexts
 * @param metrics the server's metrics, for the applications' contexts
 * @param admin the admin console's access when {@code server.admin} is on, else null: given to the applications
 *              that ask for {@link org.thywill.api.application.Capability#ADMIN}
 */
record ApplicationRunner(Push push, Database database, Metrics metrics, AdminAccess admin) {

    private static final Logger LOG = LoggerFactory.getLogger(ApplicationRunner.class);

    /** @return whether the applications that ask for the server's view may run */
    boolean grantsAdmin() {
        return admin != null;
    }

    /** @return the application, described, or null (and logged) when it fails to or has an unusable id */
    static RunningApplication describe(LoadedApplication loaded) {
        String type = loaded.application().getClass().getName();
        RunningApplication app;
        try {
            app = new RunningApplication(loaded);
        } catch (RuntimeException | LinkageError e) {
            LOG.error("{}: application class {} failed to give its descriptor, migrations, capabilities or page"
                    + " options, and does not run: {}", loaded.source(), type, e.toString(), e);
            return null;
        }
        if (app.id() == null || !Envelopes.NAME.matcher(app.id()).matches()) {
            LOG.error("{}: application class {} has the invalid id '{}' and does not run: an id is 1 to 64 letters,"
                    + " digits, '.', '_' and '-', starting with a letter or digit", loaded.source(), type, app.id());
            return null;
        }
        return app;
    }

    /** @return a new instance of the application's class, described; null (logged) when that fails */
    static RunningApplication recreate(RunningApplication old) {
        try {
            return describe(new LoadedApplication(old.application().getClass().getDeclaredConstructor()
                    .newInstance(), old.loader(), old.source()));
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            LOG.error("{}: application '{}' could not be created again: {}", old.source(), old.id(), e.toString(),
                    e);
            return null;
        }
    }

    /** Runs the application's migrations, then its start, with its class loader as the context class loader. */
    boolean start(RunningApplication app) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(app.loader());
        try {
            if (app.migrations() != null) {
                try {
                    database.migrate(app.id(), app.loader(), app.migrations());
                } catch (RuntimeException | LinkageError e) {
                    LOG.error("{}: application '{}' does not run: its migrations in {} failed: {}", app.source(),
                            app.id(), app.migrations(), e.getMessage(), e);
                    return false;
                }
            }
            app.application().start(new HostedContext(app.id(), push, database, metrics,
                    app.asksForAdmin() ? admin : null));
            return true;
        } catch (Exception | LinkageError e) {
            LOG.error("{}: application '{}' failed to start and does not run: {}; stopping it", app.source(),
                    app.id(), e.toString(), e);
            // What it started before it threw (threads, timers, connections) is its to end.
            stop(List.of(app));
            return false;
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /** Stops the applications, the last first, each under its class loader; a failure is logged. */
    static void stop(List<RunningApplication> apps) {
        for (int i = apps.size() - 1; i >= 0; i--) {
            RunningApplication app = apps.get(i);
            Thread thread = Thread.currentThread();
            ClassLoader previous = thread.getContextClassLoader();
            thread.setContextClassLoader(app.loader());
            try {
                app.application().stop();
            } catch (RuntimeException | LinkageError e) {
                LOG.warn("{}: application '{}' failed to stop cleanly", app.source(), app.id(), e);
            } finally {
                thread.setContextClassLoader(previous);
            }
        }
    }
}
