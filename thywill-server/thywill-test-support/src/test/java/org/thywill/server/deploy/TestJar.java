package org.thywill.server.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.thywill.api.application.Application;

/**
 * Builds an application jar while a test runs: Java sources compiled against thywill-api, resources, and a service
 * entry. Classes can be compiled but left out of the jar, to make a jar that lacks a dependency.
 */
public final class TestJar {

    private static final String SERVICE = "META-INF/services/" + Application.class.getName();
    private final Map<String, String> sources = new LinkedHashMap<>();
    private final Set<String> omitted = new LinkedHashSet<>();
    private final Map<String, byte[]> resources = new LinkedHashMap<>();
    private final List<String> services = new ArrayList<>();

    /** @return an empty jar */
    public static TestJar create() {
        return new TestJar();
    }

    /**
     * @param className a class's binary name, such as {@code deploy.app.App}
     * @param source its source
     * @return this
     */
    public TestJar java(String className, String source) {
        sources.put(className, source);
        return this;
    }

    /**
     * @param className a class compiled with the others (they need it) but left out of the jar
     * @param source its source
     * @return this
     */
    public TestJar javaLeftOut(String className, String source) {
        omitted.add(className);
        return java(className, source);
    }

    /**
     * @param path the resource's path in the jar
     * @param content its text
     * @return this
     */
    public TestJar resource(String path, String content) {
        resources.put(path, content.getBytes(StandardCharsets.UTF_8));
        return this;
    }

    /**
     * @param className a line of the jar's {@code META-INF/services/org.thywill.api.application.Application}
     * @return this
     */
    public TestJar service(String className) {
        services.add(className);
        return this;
    }

    /**
     * Builds the jar next to {@code jar} and moves it into place in one step, as a careful deployment would, so a
     * watching server never sees it half-written.
     *
     * @param jar where the jar goes
     * @return {@code jar}
     */
    public Path writeTo(Path jar) {
        try {
            Path work = Files.createTempDirectory("thywill-test-jar-");
            Path classes = compile(work);
            Path built = work.resolve("built.jar");
            try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(built))) {
                if (classes != null) {
                    List<Path> files;
                    try (Stream<Path> walk = Files.walk(classes)) {
                        files = walk.filter(Files::isRegularFile).sorted().toList();
                    }
                    for (Path file : files) {
                        String name = classes.relativize(file).toString().replace('\\', '/');
                        if (!leftOut(name)) {
                            put(out, name, Files.readAllBytes(file));
                        }
                    }
                }
                for (Map.Entry<String, byte[]> resource : resources.entrySet()) {
                    put(out, resource.getKey(), resource.getValue());
                }
                if (!services.isEmpty()) {
                    put(out, SERVICE, (String.join("\n", services) + "\n").getBytes(StandardCharsets.UTF_8));
                }
            }
            Files.createDirectories(jar.toAbsolutePath().getParent());
            Path staged = jar.resolveSibling(jar.getFileName() + ".part");
            Files.copy(built, staged, StandardCopyOption.REPLACE_EXISTING);
            Files.move(staged, jar, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            delete(work);
            return jar;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path folder) throws IOException {
        List<Path> all;
        try (Stream<Path> walk = Files.walk(folder)) {
            all = walk.sorted(Comparator.reverseOrder()).toList();
        }
        for (Path path : all) {
            Files.delete(path);
        }
    }

    private boolean leftOut(String entry) {
        for (String className : omitted) {
            String path = className.replace('.', '/');
            if (entry.equals(path + ".class") || entry.startsWith(path + "$")) {
                return true;
            }
        }
        return false;
    }

    private static void put(JarOutputStream out, String name, byte[] bytes) throws IOException {
        out.putNextEntry(new JarEntry(name));
        out.write(bytes);
        out.closeEntry();
    }

    private Path compile(Path work) throws IOException {
        if (sources.isEmpty()) {
            return null;
        }
        Path src = work.resolve("src");
        Path classes = Files.createDirectories(work.resolve("classes"));
        List<Path> files = new ArrayList<>();
        for (Map.Entry<String, String> source : sources.entrySet()) {
            Path file = src.resolve(source.getKey().replace('.', '/') + ".java");
            Files.createDirectories(file.getParent());
            Files.writeString(file, source.getValue());
            files.add(file);
        }
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager manager = compiler.getStandardFileManager(diagnostics, null,
                StandardCharsets.UTF_8)) {
            List<String> options = List.of("--release", "17", "-proc:none", "-classpath", apiLocation(),
                    "-d", classes.toString());
            boolean ok = compiler.getTask(null, manager, diagnostics, options, null,
                    manager.getJavaFileObjectsFromPaths(files)).call();
            if (!ok) {
                throw new IllegalStateException("The test application does not compile: "
                        + diagnostics.getDiagnostics());
            }
        }
        return classes;
    }

    /** @return the jar (or classes folder) that holds thywill-api, all an application compiles against */
    private static String apiLocation() {
        try {
            return Path.of(Application.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
