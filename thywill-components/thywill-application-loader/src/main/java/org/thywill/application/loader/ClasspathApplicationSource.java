package org.thywill.application.loader;

import java.util.ArrayList;
import java.util.List;
import org.thywill.api.application.Application;

/**
 * Finds applications on the server's own class path, for tests and embedding programs, beside those an embedding
 * program handed over as objects (which win an id both claim: the program named them). It never changes.
 */
final class ClasspathApplicationSource implements ApplicationSource {

    /** How the log and the admin console name where an application given as an object came from. */
    static final String GIVEN = "code";

    private final ClassLoader loader;
    private final List<Application> given;

    ClasspathApplicationSource(ClassLoader loader, List<Application> given) {
        this.loader = loader;
        this.given = List.copyOf(given);
    }

    @Override
    public List<ApplicationBundle> load() {
        List<ApplicationBundle> bundles = new ArrayList<>();
        if (!given.isEmpty()) {
            bundles.add(new ApplicationBundle(GIVEN, given.stream()
                    .map(a -> new LoadedApplication(a, loaderOf(a), GIVEN)).toList(), false, null));
        }
        bundles.add(ServiceEntries.load("class path", loader, null, type -> true));
        return bundles;
    }

    private ClassLoader loaderOf(Application application) {
        ClassLoader own = application.getClass().getClassLoader();
        return own != null ? own : loader;
    }
}
