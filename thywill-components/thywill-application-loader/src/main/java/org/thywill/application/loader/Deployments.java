package org.thywill.application.loader;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.thywill.api.ThywillException;
import org.thywill.api.application.Capability;

/**
 * Starts the applications of each bundle (their migrations first) and stops them again, and keeps what routing
 * reads in one immutable snapshot swapped whole, so a message or a page finds an application either fully
 * deployed or not at all. Changes come from start-up, the watch thread and the admin console; each takes an
 * application's id before running its code and gives it back after, and reads run on any thread.
 */
final class Deployments {

    private static final Logger LOG = LoggerFactory.getLogger(Deployments.class);

    /**
     * What routing reads.
     *
     * @param byId the running applications by id
     * @param ordered the same, the default application first
     */
    record Snapshot(Map<String, RunningApplication> byId, List<RunningApplication> ordered) {
    }

    private final List<String> enabled;
    private final String enabledKey;
    private final ApplicationRunner runner;
    // Guarded by this, which is held only to read or change them: never while an application's code runs, so a
    // slow start delays neither a page, nor the admin console, nor another deployment.
    private final Map<String, ApplicationBundle> bundles = new HashMap<>();
    /** Applications undeployed from the admin console, kept (with their class loader) to be redeployed. */
    private final Map<String, RunningApplication> parked = new LinkedHashMap<>();
    /** Ids whose application a deployment is starting or stopping now: no other change may take them meanwhile. */
    private final Set<String> busy = new HashSet<>();
    private boolean stopped;
    private volatile Snapshot snapshot = new Snapshot(Map.of(), List.of());

    /**
     * @param enabled the ids to run, the default first; empty for every one found
     * @param enabledKey the setting that lists them, for messages
     * @param runner runs the applications' code; an application that asks for {@link Capability#ADMIN} runs
     *               (last, never the default) only when it grants the server's view
     */
    Deployments(List<String> enabled, String enabledKey, ApplicationRunner runner) {
        this.enabled = List.copyOf(enabled);
        this.enabledKey = enabledKey;
        this.runner = runner;
    }

    /** @return what runs now */
    Snapshot snapshot() {
        return snapshot;
    }

    /**
     * Starts the applications of the bundles found at start-up that {@link StartupSelection} chooses. Each one
     * that cannot run is reported by name and the others start.
     *
     * @param found the bundles
     * @throws ThywillException as {@link StartupSelection#choose} does; nothing has started then
     */
    void startAll(List<ApplicationBundle> found) {
        List<RunningApplication> chosen = new StartupSelection(enabled, enabledKey, runner.grantsAdmin())
                .choose(found);
        Map<String, RunningApplication> started = new HashMap<>();
        for (RunningApplication app : chosen) {
            if (runner.start(app)) {
                started.put(app.id(), app);
            }
        }
        List<ApplicationBundle> unused = new ArrayList<>();
        synchronized (this) {
            for (ApplicationBundle bundle : found) {
                if (!keep(bundle, started.values())) {
                    unused.add(bundle);
                }
            }
            publish(started);
        }
        unused.forEach(ApplicationBundle::close);
    }

    /**
     * Starts the applications of a bundle added while the server runs, each enabled one, unless one of them claims
     * an id that another application has: then none of the bundle's does, as at start-up (see {@link #clash}).
     *
     * @param bundle the bundle
     * @return the applications started, now routed to
     */
    List<RunningApplication> deploy(ApplicationBundle bundle) {
        List<RunningApplication> wanted = new ArrayList<>();
        for (LoadedApplication loaded : bundle.applications()) {
            RunningApplication app = ApplicationRunner.describe(loaded);
            if (app == null) {
                continue;
            }
            if (app.asksForAdmin() ? !runner.grantsAdmin() : !enabled.isEmpty() && !enabled.contains(app.id())) {
                LOG.info("{}: its application '{}' {} and is not deployed", app.source(), app.id(),
                        app.asksForAdmin() ? "asks for the server's view, 'server.admin' is off,"
                                : "is not in '" + enabledKey + "'");
                continue;
            }
            wanted.add(app);
        }
        String clash;
        synchronized (this) {
            clash = clash(bundle.source(), wanted);
            if (clash == null) {
                wanted.forEach(app -> busy.add(app.id()));
            }
        }
        if (clash != null) {
            LOG.error(clash);
            bundle.close();
            return List.of();
        }
        List<RunningApplication> started = new ArrayList<>();
        for (RunningApplication app : wanted) {
            boolean ran = runner.start(app);
            boolean routed;
            synchronized (this) {
                busy.remove(app.id());
                routed = ran && !stopped;
                if (routed) {
                    Map<String, RunningApplication> next = new HashMap<>(snapshot.byId());
                    next.put(app.id(), app);
                    publish(next);
                    // Kept as soon as one of its applications is routed to, so an undeployment finds it.
                    bundles.put(bundle.source(), bundle);
                    started.add(app);
                }
            }
            if (ran && !routed) {
                ApplicationRunner.stop(List.of(app)); // the server stopped while it started
            }
        }
        if (started.isEmpty()) {
            bundle.close();
        }
        return started;
    }

    /**
     * Why a bundle added while the server runs may not deploy, so that no jar ever takes an id from another:
     * at start-up two jars claiming an id that would run stop the start, whichever name sorts first; while the
     * server runs, the jar that comes second is refused and the application that has the id keeps it.
     *
     * @param source the bundle's jar
     * @param wanted its applications that would run
     * @return the error to log, naming both jars and what to do, or null when every id is free
     */
    private String clash(String source, List<RunningApplication> wanted) {
        Set<String> ids = new HashSet<>();
        for (RunningApplication app : wanted) {
            String holder;
            if (!ids.add(app.id())) {
                holder = source + " itself (two of its applications)";
            } else if (snapshot.byId().containsKey(app.id())) {
                holder = snapshot.byId().get(app.id()).source() + ", where it runs";
            } else if (parked.containsKey(app.id())) {
                holder = parked.get(app.id()).source() + ", where it was undeployed from the admin console";
            } else if (busy.contains(app.id())) {
                holder = "an application being deployed or stopped just now";
            } else {
                continue;
            }
            return source + ": not deployed, none of its applications runs: its application '" + app.id() + "'"
                    + " claims an id that belongs to " + holder + ". An id belongs to one application: remove "
                    + source + " from the applications folder, or change its application's id. While both jars"
                    + " are there, the server refuses to start.";
        }
        return null;
    }

    /**
     * Stops the applications of a bundle and closes its class loader. They stop being routed to first.
     *
     * @param source the bundle's jar file name
     * @return the applications stopped; empty if none of that bundle ran
     */
    List<RunningApplication> undeploy(String source) {
        ApplicationBundle bundle;
        List<RunningApplication> leaving;
        synchronized (this) {
            parked.values().removeIf(app -> app.source().equals(source));
            bundle = bundles.remove(source);
            if (bundle == null) {
                return List.of();
            }
            Predicate<RunningApplication> fromIt = app -> app.source().equals(source);
            leaving = snapshot.ordered().stream().filter(fromIt).toList();
            Map<String, RunningApplication> next = new HashMap<>(snapshot.byId());
            next.values().removeIf(fromIt);
            publish(next);
            leaving.forEach(app -> busy.add(app.id()));
        }
        try {
            ApplicationRunner.stop(leaving);
        } finally {
            synchronized (this) {
                leaving.forEach(app -> busy.remove(app.id()));
            }
        }
        bundle.close();
        return leaving;
    }

    /**
     * Stops one application, leaving its bundle loaded, and keeps it to be {@link #restart restarted}.
     *
     * @param id the application
     * @return the application stopped, or null if it did not run
     */
    RunningApplication undeployOne(String id) {
        RunningApplication app;
        synchronized (this) {
            app = snapshot.byId().get(id);
            if (app == null) {
                return null;
            }
            Map<String, RunningApplication> next = new HashMap<>(snapshot.byId());
            next.remove(id);
            publish(next);
            busy.add(id);
        }
        try {
            ApplicationRunner.stop(List.of(app));
        } finally {
            synchronized (this) {
                busy.remove(id);
                if (!stopped && bundles.containsKey(app.source())) {
                    parked.put(id, app);
                }
            }
        }
        return app;
    }

    /**
     * Stops an application (running, or undeployed by {@link #undeployOne}) and starts a new instance of its class,
     * from the same class loader.
     *
     * @param id the application
     * @return the instance that stopped (its connections are to be told), or null if there is no such application
     * @throws IllegalStateException if the new instance did not start (logged), or the application is being
     *     started or stopped by another change just now
     */
    RunningApplication restart(String id) {
        RunningApplication old;
        boolean running;
        synchronized (this) {
            if (busy.contains(id)) {
                throw new IllegalStateException("Application '" + id + "' is being deployed or stopped just now;"
                        + " try again in a moment");
            }
            old = snapshot.byId().get(id);
            running = old != null;
            if (running) {
                Map<String, RunningApplication> next = new HashMap<>(snapshot.byId());
                next.remove(id);
                publish(next);
            } else {
                old = parked.remove(id);
                if (old == null) {
                    return null;
                }
            }
            busy.add(id);
        }
        RunningApplication fresh = null;
        boolean ran = false;
        boolean routed = false;
        try {
            if (running) {
                ApplicationRunner.stop(List.of(old));
            }
            fresh = ApplicationRunner.recreate(old);
            ran = fresh != null && runner.start(fresh);
        } finally {
            synchronized (this) {
                busy.remove(id);
                boolean loaded = !stopped && bundles.containsKey(old.source());
                routed = ran && loaded;
                if (routed) {
                    Map<String, RunningApplication> next = new HashMap<>(snapshot.byId());
                    next.put(id, fresh);
                    publish(next);
                } else if (loaded) {
                    parked.put(id, old);
                }
            }
        }
        if (ran && !routed) {
            ApplicationRunner.stop(List.of(fresh)); // its jar went, or the server stopped, while it started
        }
        if (!routed) {
            throw new IllegalStateException("Application '" + id + "' did not start again; see the log");
        }
        return old;
    }

    /** @return the applications undeployed from the admin console and not redeployed since */
    synchronized List<RunningApplication> parked() {
        return List.copyOf(parked.values());
    }

    /**
     * @param id an application id
     * @return the source of the application, running or parked, or null
     */
    synchronized String sourceOf(String id) {
        RunningApplication app = snapshot.byId().get(id);
        app = app != null ? app : parked.get(id);
        return app == null ? null : app.source();
    }

    /**
     * Stops every application, the default one last, and closes every class loader. One that a deployment is
     * starting just now is stopped by that deployment when its start returns.
     */
    void stopAll() {
        List<RunningApplication> all;
        List<ApplicationBundle> closing;
        synchronized (this) {
            stopped = true;
            all = snapshot.ordered();
            parked.clear();
            publish(Map.of());
            closing = new ArrayList<>(bundles.values());
            bundles.clear();
        }
        ApplicationRunner.stop(all);
        closing.forEach(ApplicationBundle::close);
    }

    /** @return whether the bundle is kept, because one of its applications runs; if not, the caller closes it */
    private boolean keep(ApplicationBundle bundle, Collection<RunningApplication> started) {
        if (!stopped && started.stream().anyMatch(app -> app.source().equals(bundle.source()))) {
            bundles.put(bundle.source(), bundle);
            return true;
        }
        return false;
    }

    /** Called holding the lock. */
    private void publish(Map<String, RunningApplication> byId) {
        Comparator<RunningApplication> order = Comparator.comparing(RunningApplication::asksForAdmin)
                .thenComparing(enabled.isEmpty() ? Comparator.comparing(RunningApplication::id)
                        : Comparator.comparingInt(app -> enabled.indexOf(app.id())));
        snapshot = new Snapshot(Map.copyOf(byId), byId.values().stream().sorted(order).toList());
    }
}
