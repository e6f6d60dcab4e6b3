package org.thywill.application.loader;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What one jar (or the class path) provides, deployed and undeployed as a unit: the applications it could
 * instantiate, whether anything in it failed to load (it may then hold applications that could not even say
 * their id), and the class loader to close once none of its applications runs.
 *
 * @param source the jar's file name, or {@code class path}
 * @param applications the applications instantiated
 * @param broken true if part of it failed to load; the failures are already logged
 * @param loader the class loader to close, or null when there is none of its own
 */
record ApplicationBundle(String source, List<LoadedApplication> applications, boolean broken, Closeable loader) {

    private static final Logger LOG = LoggerFactory.getLogger(ApplicationBundle.class);

    /** Copies the list. */
    ApplicationBundle {
        applications = List.copyOf(applications);
    }

    /**
     * @param source the jar's file name
     * @return a jar that could not be opened at all
     */
    static ApplicationBundle failed(String source) {
        return new ApplicationBundle(source, List.of(), true, null);
    }

    /** Closes the class loader, which releases the jar file. */
    void close() {
        if (loader == null) {
            return;
        }
        try {
            loader.close();
        } catch (IOException e) {
            LOG.debug("Closing the class loader of {} failed", source, e);
        }
    }
}
