package org.thywill.push.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.thywill.api.ComponentProvider;
import org.thywill.api.Slot;
import org.thywill.kernel.settings.EnvironmentOverrides;
import org.thywill.kernel.settings.SettingsBinder;
import org.thywill.kernel.settings.SettingsTree;

/**
 * The Push {@code redis} is documented and shipped consistently: every key of its settings has a row in
 * documentation/configuration.md (the server's own documentation test does not see this module), and the
 * docker-compose cluster profile and config/thywill-cluster.yml set only keys that exist.
 */
class RedisSettingsDocumentationTest {

    private static final Path ROOT = Path.of("../..");

    @Test
    void everyKeyIsDocumentedInTheRedisSectionOfConfigurationMd() throws IOException {
        String doc = Files.readString(ROOT.resolve("documentation/configuration.md"));
        int push = doc.indexOf("\n## `push`\n");
        assertTrue(push >= 0, "configuration.md has a push section");
        int pushEnd = doc.indexOf("\n## ", push + 1);
        String pushSection = pushEnd < 0 ? doc.substring(push) : doc.substring(push, pushEnd);
        String heading = "### `implementation: redis`";
        int start = pushSection.indexOf(heading);
        assertTrue(start >= 0, "configuration.md's push section has a '" + heading + "' section");
        String own = pushSection.substring(start);
        int next = own.indexOf("\n### ", heading.length());
        own = next < 0 ? own : own.substring(0, next);
        List<String> missing = new ArrayList<>();
        for (RecordComponent key : RedisPushSettings.class.getRecordComponents()) {
            if (!own.contains("| `" + key.getName() + "` |")) {
                missing.add(key.getName());
            }
        }
        assertEquals(List.of(), missing, "keys of push 'redis' without a row in configuration.md");
    }

    @Test
    @SuppressWarnings("rawtypes")
    void theProviderIsDiscoveredUnderTheNameTheDocumentationUses() {
        List<String> names = new ArrayList<>();
        for (ComponentProvider provider : ServiceLoader.load(ComponentProvider.class)) {
            if (provider.descriptor().slot() == Slot.PUSH) {
                names.add(provider.descriptor().name());
            }
        }
        assertTrue(names.contains("redis"), "push providers found: " + names);
    }

    @Test
    void theClusterSettingsFileAndComposeProfileSetOnlyKeysThatExist() throws IOException {
        Set<String> keys = SettingsBinder.keysOf(RedisPushSettings.class).keySet();
        SettingsTree file = SettingsTree.read(ROOT.resolve("config/thywill-cluster.yml"));
        assertEquals("redis", file.section("push").get("implementation"));
        for (String key : file.section("push").keySet()) {
            assertTrue(key.equals("implementation") || keys.contains(key), "config/thywill-cluster.yml sets push."
                    + key + ", which push 'redis' does not have");
        }
        Set<String> variables = new HashSet<>();
        keys.forEach(key -> variables.add(EnvironmentOverrides.variableName("push", key)));
        JsonNode services = new ObjectMapper(new YAMLFactory()).readTree(ROOT.resolve("docker-compose.yml")
                .toFile()).path("services");
        Set<String> nodeIds = new HashSet<>();
        for (String node : List.of("thywill-1", "thywill-2")) {
            JsonNode environment = services.path(node).path("environment");
            assertFalse(environment.isMissingNode(), node + " has an environment");
            environment.fieldNames().forEachRemaining(name -> assertTrue(!name.startsWith("THYWILL_PUSH_")
                    || variables.contains(name), node + " sets " + name + ", which matches no key of push 'redis'"));
            nodeIds.add(environment.path(EnvironmentOverrides.variableName("push", "nodeId")).asText());
        }
        assertEquals(2, nodeIds.size(), "each node has a node id of its own: " + nodeIds);
    }
}
