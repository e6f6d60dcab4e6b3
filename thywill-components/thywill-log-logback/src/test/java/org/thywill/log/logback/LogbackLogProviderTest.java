package org.thywill.log.logback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.thywill.api.ComponentProvider;
import org.thywill.api.Slot;
import org.thywill.api.log.Log;
import org.thywill.testing.fixtures.HomeComponentContext;

class LogbackLogProviderTest {

    @Test
    void isDiscoveredAsTheLogbackLogWithNoDependencies(@TempDir Path home) {
        List<ComponentProvider<?>> found = new ArrayList<>();
        for (ComponentProvider<?> provider : ServiceLoader.load(ComponentProvider.class)) {
            if (provider.descriptor().slot() == Slot.LOG && provider.descriptor().name().equals("logback")) {
                found.add(provider);
            }
        }
        assertEquals(1, found.size());
        LogbackLogProvider provider = assertInstanceOf(LogbackLogProvider.class, found.get(0));
        assertEquals(LogbackSettings.class, provider.descriptor().settingsType());
        assertTrue(provider.descriptor().dependencies().isEmpty());
        assertInstanceOf(Log.class, provider.create(LogbackSettings.defaults(), new HomeComponentContext(home)));
    }
}
