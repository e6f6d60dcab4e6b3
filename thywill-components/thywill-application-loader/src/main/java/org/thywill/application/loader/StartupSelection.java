package org.thywill.application.loader;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.thywill.api.ThywillException;
import org.thywill.api.application.Capability;

/**
 * Decides, once at start-up, which of the applications found run and in which order: those the enabled list
 * names (every one when it is empty), then those that asked for the server's view when it is granted. Two jars
 * claiming an id that would run, or an enabled id that nothing provides, stop the start.
 */
final class StartupSelection {

    private static final Logger LOG = LoggerFactory.getLogger(StartupSelection.class);

    private final List<String> enabled;
    private final String enabledKey;
    private final boolean adminGranted;

    /**
     * @param enabled the ids to run, the default first; empty for every one found
     * @param enabledKey the setting that lists them, for messages
     * @param adminGranted whether {@code server.admin} is on, so that applications asking for
     *                     {@link Capability#ADMIN} run
     */
    StartupSelection(List<String> enabled, String enabledKey, boolean adminGranted) {
        this.enabled = enabled;
        this.enabledKey = enabledKey;
        this.adminGranted = adminGranted;
    }

    /**
     * Each application found that cannot run is reported by name and the others are chosen. An enabled id that no
     * bundle provides is a settings error, unless some bundle failed before its applications could say their ids:
     * then it may be that one's, and it is reported instead.
     *
     * @param found the bundles
     * @return the applications to start, in order
     * @throws ThywillException if an enabled id is provided by nothing and nothing failed to load, or if an id that
     *     would run is claimed by two applications; every bundle is closed then
     */
    List<RunningApplication> choose(List<ApplicationBundle> found) {
        Map<String, RunningApplication> candidates = new LinkedHashMap<>();
        Map<String, List<String>> claims = new LinkedHashMap<>();
        Set<String> broken = new LinkedHashSet<>();
        for (ApplicationBundle bundle : found) {
            if (bundle.broken()) {
                broken.add(bundle.source());
            }
            for (LoadedApplication loaded : bundle.applications()) {
                RunningApplication app = ApplicationRunner.describe(loaded);
                if (app == null) {
                    broken.add(bundle.source());
                    continue;
                }
                candidates.putIfAbsent(app.id(), app);
                claims.computeIfAbsent(app.id(), id -> new ArrayList<>()).add(app.source());
            }
        }
        List<String> chosen = new ArrayList<>(enabled.isEmpty() ? candidates.keySet().stream().sorted().toList()
                : enabled);
        grantAdmin(candidates, chosen);
        List<String> clashes = chosen.stream().filter(id -> claims.getOrDefault(id, List.of()).size() > 1)
                .map(id -> "'" + id + "' by " + String.join(" and ", claims.get(id))).toList();
        if (!clashes.isEmpty()) {
            found.forEach(ApplicationBundle::close);
            String message = "More than one application claims the id " + String.join("; ", clashes) + ". An"
                    + " id belongs to one application, and the server does not pick one: remove the jar that should"
                    + " not run from the applications folder (or change its application's id), then start again.";
            LOG.error(message);
            throw new ThywillException(message);
        }
        List<String> missing = chosen.stream().filter(id -> !candidates.containsKey(id)).toList();
        if (!missing.isEmpty() && broken.isEmpty()) {
            found.forEach(ApplicationBundle::close);
            throw new ThywillException("Setting '" + enabledKey + "' names " + missing + ", which no loaded"
                    + " application provides. Applications found: " + candidates.keySet().stream().sorted().toList()
                    + ". Add their jars or correct the list.");
        }
        if (!missing.isEmpty()) {
            LOG.error("Setting '{}' names {}, which no application that loaded provides; {} failed to load (see"
                    + " above) and may hold them. The other applications run.", enabledKey, missing, broken);
        }
        List<String> ignored = candidates.keySet().stream().filter(id -> !chosen.contains(id)).sorted().toList();
        if (!ignored.isEmpty()) {
            LOG.info("Applications found but not in '{}', which do not run: {}", enabledKey, ignored);
        }
        return chosen.stream().map(candidates::get).filter(Objects::nonNull).toList();
    }

    /**
     * Runs the applications that ask for {@link Capability#ADMIN} when {@code server.admin} grants it, whatever
     * the enabled list says, and none of them when it does not.
     *
     * @param candidates the applications found, by id; those that may not run are removed
     * @param chosen the ids to start, in order; those asking for the view are moved to the end or removed
     */
    private void grantAdmin(Map<String, RunningApplication> candidates, List<String> chosen) {
        List<String> asking = candidates.values().stream().filter(RunningApplication::asksForAdmin)
                .map(RunningApplication::id).sorted().toList();
        chosen.removeAll(asking);
        if (adminGranted) {
            chosen.addAll(asking);
            if (asking.isEmpty()) {
                LOG.warn("'server.admin' is on but no application asks for the server's view: add the admin"
                        + " console's jar (thywill-app-admin) to the applications");
            }
        } else if (!asking.isEmpty()) {
            LOG.info("{} asked for the server's view and do not run: 'server.admin' is off", asking);
            candidates.keySet().removeAll(asking);
        }
    }
}
