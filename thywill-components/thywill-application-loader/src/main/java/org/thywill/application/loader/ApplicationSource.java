package org.thywill.application.loader;

import java.util.List;
import java.util.Optional;

/** Where applications come from: a folder of jars, or the class path. */
interface ApplicationSource {

    /**
     * Finds and instantiates the applications there are now, one bundle per jar (or one for the class path). What
     * cannot be loaded is logged with the jar's name and the reason, and left out; the rest load.
     *
     * @return the bundles found, in the order their applications should win an id both claim
     */
    List<ApplicationBundle> load();

    /**
     * Starts telling {@code changes} of jars added, replaced and removed from now on, on a thread of the source's
     * own. A source that cannot change (the class path), or is told not to watch, does nothing.
     *
     * @param changes told of each change, one at a time
     */
    default void watch(BundleChanges changes) {
    }

    /**
     * Loads one bundle again as it is now, for a redeployment asked for by the admin console.
     *
     * @param source a bundle's source, as {@link ApplicationBundle#source()}
     * @return the bundle loaded afresh, or empty when this source cannot (the class path never changes)
     */
    default Optional<ApplicationBundle> reload(String source) {
        return Optional.empty();
    }

    /** Stops watching, waiting for a change being handled to finish. Idempotent. */
    default void close() {
    }
}
