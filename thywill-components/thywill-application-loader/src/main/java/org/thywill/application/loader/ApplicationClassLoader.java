package org.thywill.application.loader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Enumeration;
import org.thywill.api.application.Application;

/**
 * One jar's class loader. Its parent holds Thywill's API, so the jar sees the API and its own classes but never
 * another jar's; and it answers the lookup of application service entries from its own jar alone, so a jar never
 * starts (or reports the errors of) what the server's class path lists.
 */
final class ApplicationClassLoader extends URLClassLoader {

    static final String SERVICE_ENTRY = "META-INF/services/" + Application.class.getName();

    static {
        ClassLoader.registerAsParallelCapable();
    }

    ApplicationClassLoader(Path jar, ClassLoader parent) {
        super("thywill-app-" + jar.getFileName(), new URL[] {url(jar)}, parent);
    }

    private static URL url(Path jar) {
        try {
            return jar.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
        return SERVICE_ENTRY.equals(name) ? findResources(name) : super.getResources(name);
    }
}
