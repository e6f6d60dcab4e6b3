package org.thywill.cli;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.ServiceLoader;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.thywill.api.application.Application;
import org.thywill.api.application.ApplicationDescriptor;
import org.thywill.api.application.ClientSide;

/**
 * Finds the applications a server would load from its settings' {@code application} section, the way the
 * Application Interface does (each jar's service entries, each in a class loader of its own whose parent holds the
 * API and the libraries), and checks what it can without starting them: that the class loads and constructs, that
 * its id is valid and unique, that its page files and migrations exist, and that it is enabled.
 */
final class ApplicationScan {

    private static final String SERVICES = "META-INF/services/" + Application.class.getName();
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    /**
     * What the scan found: an application (id known) or a failure to load one.
     *
     * @param id the application's id, or null if it could not be asked
     * @param title its title, or null
     * @param source the jar's file name, or {@code class path}
     * @param problem why it would not run, or null if it would
     */
    record Found(String id, String title, String source, String problem) {
    }

    /** The result: every application found, and the enabled ids no jar provides. */
    record Report(String where, List<String> enabled, List<Found> found, List<String> missing) {

        boolean ok() {
            return missing.isEmpty() && found.stream().noneMatch(f -> f.problem() != null
                    && (f.id() == null || enabled.isEmpty() || enabled.contains(f.id())));
        }
    }

    private ApplicationScan() {
    }

    /**
     * @param home the server's home (relative folders resolve against it)
     * @param section the settings' {@code application} section
     * @param parent the class loader holding the API and libraries, as the server's would
     * @return the report
     */
    static Report scan(Path home, Map<String, Object> section, ClassLoader parent) {
        String implementation = String.valueOf(section.getOrDefault("implementation", "jar"));
        List<String> enabled = new ArrayList<>();
        if (section.get("enabled") instanceof List<?> list) {
            list.forEach(e -> enabled.add(String.valueOf(e)));
        }
        List<Found> found = new ArrayList<>();
        String where;
        if (implementation.equals("jar")) {
            Path folder = home.resolve(String.valueOf(section.getOrDefault("folder", "apps"))).normalize();
            where = "jars in " + folder;
            if (!Files.isDirectory(folder)) {
                found.add(new Found(null, null, folder.toString(), "the folder does not exist (application.folder);"
                        + " build the application first (mvn package)"));
            } else {
                try (Stream<Path> jars = Files.list(folder)) {
                    jars.filter(p -> p.getFileName().toString().endsWith(".jar")).sorted()
                            .forEach(jar -> found.addAll(fromJar(jar, parent)));
                } catch (IOException e) {
                    found.add(new Found(null, null, folder.toString(), "cannot be read: " + e.getMessage()));
                }
            }
        } else if (implementation.equals("classpath")) {
            where = "the class path";
            ServiceLoader.load(Application.class, parent).stream().forEach(provider -> {
                try {
                    found.add(check(provider.get(), "class path", parent));
                } catch (RuntimeException | LinkageError e) {
                    found.add(new Found(null, null, "class path", describe(e)));
                }
            });
        } else {
            throw new CliException("application.implementation is '" + implementation + "'; this command checks the"
                    + " implementations jar and classpath.");
        }
        Map<String, Found> byId = new LinkedHashMap<>();
        List<Found> checked = new ArrayList<>();
        for (Found f : found) {
            Found result = f;
            if (f.id() != null && byId.containsKey(f.id())) {
                result = new Found(f.id(), f.title(), f.source(), "its id is also the id of the application in "
                        + byId.get(f.id()).source());
            } else if (f.id() != null) {
                byId.put(f.id(), f);
            }
            if (result.problem() == null && result.id() != null && !enabled.isEmpty()
                    && !enabled.contains(result.id())) {
                result = new Found(f.id(), f.title(), f.source(), "not enabled: add it to application.enabled");
            }
            checked.add(result);
        }
        List<String> missing = enabled.stream().filter(id -> !byId.containsKey(id)).toList();
        return new Report(where, List.copyOf(enabled), checked, missing);
    }

    private static List<Found> fromJar(Path jar, ClassLoader parent) {
        String source = jar.getFileName().toString();
        List<String> classes = new ArrayList<>();
        try (JarFile file = new JarFile(jar.toFile())) {
            JarEntry entry = file.getJarEntry(SERVICES);
            if (entry == null) {
                return List.of(new Found(null, null, source, "holds no application: it lacks " + SERVICES));
            }
            try (InputStream in = file.getInputStream(entry)) {
                for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\\R")) {
                    String name = line.replaceFirst("#.*", "").strip();
                    if (!name.isEmpty()) {
                        classes.add(name);
                    }
                }
            }
        } catch (IOException e) {
            return List.of(new Found(null, null, source, "is not a readable jar: " + e.getMessage()));
        }
        List<Found> found = new ArrayList<>();
        URLClassLoader loader;
        try {
            loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, parent);
        } catch (IOException e) {
            return List.of(new Found(null, null, source, e.getMessage()));
        }
        try (loader) {
            for (String name : classes) {
                try {
                    Class<?> type = Class.forName(name, false, loader);
                    if (!Application.class.isAssignableFrom(type)) {
                        found.add(new Found(null, null, source, name + " does not implement " + Application.class
                                .getName()));
                        continue;
                    }
                    Application app = (Application) type.getConstructor().newInstance();
                    found.add(check(app, source, loader));
                } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
                    Throwable cause = e instanceof java.lang.reflect.InvocationTargetException i && i.getCause() != null
                            ? i.getCause() : e;
                    found.add(new Found(null, null, source, name + " cannot be created: " + describe(cause)));
                }
            }
        } catch (IOException e) {
            found.add(new Found(null, null, source, e.getMessage()));
        }
        return found;
    }

    private static Found check(Application app, String source, ClassLoader loader) {
        ApplicationDescriptor descriptor;
        try {
            descriptor = Objects.requireNonNull(app.descriptor(), "it is null");
        } catch (RuntimeException | LinkageError e) {
            return new Found(null, null, source, app.getClass().getName() + ".descriptor() failed: " + describe(e));
        }
        String id = descriptor.id();
        if (id == null || !ID.matcher(id).matches()) {
            return new Found(id, null, source, "'" + id + "' is not a valid id: letters, digits, '.', '_' and '-'");
        }
        try {
            String title = descriptor.title();
            ClientSide client = descriptor.client();
            String folder = client.folder().isEmpty() || client.folder().endsWith("/") ? client.folder()
                    : client.folder() + "/";
            List<String> files = new ArrayList<>(client.scripts());
            files.addAll(client.styles());
            if (client.body() != null) {
                files.add(client.body());
            }
            List<String> absent = files.stream().filter(f -> loader.getResource(folder + f) == null)
                    .map(f -> folder + f).toList();
            if (!absent.isEmpty()) {
                return new Found(id, title, source, "its page files are missing: " + absent);
            }
            String migrations = app.migrations();
            if (migrations != null && loader.getResource(migrations) == null) {
                return new Found(id, title, source, "its migrations folder " + migrations + " is missing");
            }
            return new Found(id, title, source, null);
        } catch (RuntimeException | LinkageError e) {
            return new Found(id, null, source, "failed describing itself: " + describe(e));
        }
    }

    private static String describe(Throwable e) {
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }
}
