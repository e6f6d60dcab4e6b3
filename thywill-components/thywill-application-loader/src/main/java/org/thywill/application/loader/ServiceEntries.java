package org.thywill.application.loader;

import java.io.Closeable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.thywill.api.application.Application;

/**
 * Instantiates the applications a class loader's service entries list, reporting each entry that fails (a class
 * that is missing, lacks a dependency or throws in its constructor) with the jar's name, and going on with the rest.
 */
final class ServiceEntries {

    private static final Logger LOG = LoggerFactory.getLogger(ServiceEntries.class);

    private ServiceEntries() {
    }

    /**
     * @param source the jar's file name, or {@code class path}
     * @param loader the class loader whose entries to read
     * @param closer what to close when the bundle goes, or null
     * @param own which classes belong to the source; an entry naming another class is reported and skipped
     * @return the bundle
     */
    static ApplicationBundle load(String source, ClassLoader loader, Closeable closer, Predicate<Class<?>> own) {
        List<LoadedApplication> found = new ArrayList<>();
        boolean broken = false;
        Iterator<ServiceLoader.Provider<Application>> providers =
                ServiceLoader.load(Application.class, loader).stream().iterator();
        while (true) {
            ServiceLoader.Provider<Application> provider;
            try {
                if (!providers.hasNext()) {
                    break;
                }
                provider = providers.next();
            } catch (ServiceConfigurationError | LinkageError e) {
                // The lookup has moved past the bad entry, so the next call goes on with the following one.
                LOG.error("{}: an application listed in {} cannot be loaded and does not run: {}", source,
                        ApplicationClassLoader.SERVICE_ENTRY, reason(e));
                broken = true;
                continue;
            }
            String type = provider.type().getName();
            if (!own.test(provider.type())) {
                LOG.error("{}: {} lists {}, which is not in the jar (the server has a class of that name); it"
                        + " does not run", source, ApplicationClassLoader.SERVICE_ENTRY, type);
                broken = true;
                continue;
            }
            try {
                found.add(new LoadedApplication(provider.get(), loader, source));
            } catch (ServiceConfigurationError | RuntimeException | LinkageError e) {
                LOG.error("{}: application class {} cannot be created and does not run: {}", source, type,
                        reason(e), e);
                broken = true;
            }
        }
        if (found.isEmpty() && !broken) {
            LOG.warn("{} holds no application: it has no {} entry", source, ApplicationClassLoader.SERVICE_ENTRY);
        }
        return new ApplicationBundle(source, found, broken, closer);
    }

    /** @return the error, and what caused it: ServiceLoader wraps a constructor's exception */
    static String reason(Throwable e) {
        String reason = e instanceof ServiceConfigurationError ? e.getMessage() : e.toString();
        Throwable cause = e.getCause();
        return cause == null ? reason : reason + ": " + cause;
    }
}
