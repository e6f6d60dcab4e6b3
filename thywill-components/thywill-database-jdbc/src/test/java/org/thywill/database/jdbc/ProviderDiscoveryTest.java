package org.thywill.database.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.thywill.api.ComponentProvider;
import org.thywill.api.Slot;

class ProviderDiscoveryTest {

    @Test
    void bothDatabasesAreDiscoveredWithTheirSettingsAndDependencies() {
        Map<String, ComponentProvider<?>> providers = ServiceLoader.load(ComponentProvider.class).stream()
                .<ComponentProvider<?>>map(ServiceLoader.Provider::get)
                .collect(Collectors.toMap(p -> p.descriptor().name(), Function.identity()));

        assertEquals(Set.of("h2", "mysql", "postgresql"), providers.keySet());
        assertEquals(H2Settings.class, providers.get("h2").descriptor().settingsType());
        assertEquals(MySqlSettings.class, providers.get("mysql").descriptor().settingsType());
        assertEquals(PostgreSqlSettings.class, providers.get("postgresql").descriptor().settingsType());
        for (ComponentProvider<?> provider : providers.values()) {
            assertEquals(Slot.DATABASE, provider.descriptor().slot());
            assertEquals(Set.of(Slot.LOG), provider.descriptor().dependencies());
        }
    }
}
