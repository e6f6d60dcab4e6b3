package org.thywill.server;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.thywill.api.ComponentDescriptor;
import org.thywill.api.ComponentProvider;
import org.thywill.api.ServerSettings;

/** documentation/configuration.md documents every key of every implementation the distribution ships. */
class ConfigurationDocumentationTest {

    private static final Path DOC = Path.of("../../documentation/configuration.md");

    @Test
    @SuppressWarnings("rawtypes")
    void everySettingOfEveryImplementationIsDocumented() throws IOException {
        String doc = Files.readString(DOC);
        List<String> missing = new ArrayList<>();
        check(doc, section(doc, "## `server`"), ServerSettings.class, "server", missing);
        for (ComponentProvider<?> provider : ServiceLoader.load(ComponentProvider.class)) {
            ComponentDescriptor<?> offered = provider.descriptor();
            String heading = "### `implementation: " + offered.name() + "`";
            String slotHeading = "## `" + offered.slot().key() + "`";
            String slot = section(doc, slotHeading);
            if (slot.isEmpty() || !slot.contains(heading)) {
                missing.add(offered.slot().key() + " implementation " + offered.name() + " has no section");
                continue;
            }
            String own = slot.substring(slot.indexOf(heading));
            int next = own.indexOf("\n### ", heading.length());
            own = next < 0 ? own : own.substring(0, next);
            check(doc, own, offered.settingsType(), offered.slot().key() + "/" + offered.name(), missing);
        }
        assertTrue(missing.isEmpty(), "Undocumented in " + DOC + ": " + missing);
    }

    private static void check(String doc, String section, Class<?> settings, String where, List<String> missing) {
        for (RecordComponent key : settings.getRecordComponents()) {
            if (!section.contains("| `" + key.getName() + "` |")) {
                missing.add(where + "." + key.getName());
            }
        }
    }

    private static String section(String doc, String heading) {
        int start = doc.indexOf(heading + "\n");
        if (start < 0) {
            return "";
        }
        int end = doc.indexOf("\n## ", start + heading.length());
        return end < 0 ? doc.substring(start) : doc.substring(start, end);
    }
}
