package org.thywill.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The folder the build assembles: what a user unpacks and runs. */
class DistributionLayoutIT {

    private final Path home = DistributionProcess.home();

    @Test
    void thywillJarStartsTheKernelWithExactlyTheJarsOfLib() throws IOException {
        Manifest manifest;
        try (JarFile jar = new JarFile(home.resolve("thywill.jar").toFile())) {
            manifest = jar.getManifest();
        }
        assertEquals("org.thywill.kernel.Main", manifest.getMainAttributes().getValue("Main-Class"));
        Set<String> classPath = new TreeSet<>(Arrays.asList(
                manifest.getMainAttributes().getValue("Class-Path").trim().split("\\s+")));
        Set<String> lib = names(home.resolve("lib")).stream().map(n -> "lib/" + n)
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(lib, classPath);
        assertTrue(lib.stream().anyMatch(n -> n.startsWith("lib/thywill-kernel-")), lib::toString);
    }

    @Test
    void libHoldsNoApplicationAndNothingOnlyTestsNeed() throws IOException {
        List<String> lib = names(home.resolve("lib"));
        List<String> misplaced = lib.stream().filter(n -> n.startsWith("thywill-app-") || n.startsWith("thywill-test-")
                || n.startsWith("selenium-") || n.startsWith("junit-") || n.startsWith("opentest4j")).toList();
        assertEquals(List.of(), misplaced);
    }

    @Test
    void appsHoldsAJarForEveryApplicationTheShippedSettingsEnableWithoutVersions() throws IOException {
        for (String settings : List.of("config/thywill.yml", "config/thywill-mysql.yml",
                "config/thywill-postgresql.yml", "config/thywill-chat-demo.yml")) {
            Object enabled = org.thywill.kernel.settings.SettingsTree.read(home.resolve(settings))
                    .section("application").get("enabled");
            // And the admin console, which server.admin turns on whatever the list says.
            List<String> expected = Stream.concat(((List<?>) enabled).stream(), Stream.of("admin"))
                    .map(id -> "thywill-app-" + id + ".jar").sorted().toList();
            assertEquals(expected, names(home.resolve("apps")), settings);
        }
    }

    @Test
    void configHoldsTheDefaultSettingsFile() {
        assertTrue(Files.isRegularFile(home.resolve("config/thywill.yml")),
                "config/thywill.yml is copied from the repository's config/ folder");
    }

    private static List<String> names(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
