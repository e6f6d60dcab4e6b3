package org.thywill.application.loader;

import java.util.List;

/** Finds applications on the server's own class path, for tests and embedding programs. It never changes. */
final class ClasspathApplicationSource implements ApplicationSource {

    private final ClassLoader loader;

    ClasspathApplicationSource(ClassLoader loader) {
        this.loader = loader;
    }

    @Override
    public List<ApplicationBundle> load() {
        return List.of(ServiceEntries.load("class path", loader, null, type -> true));
    }
}
