package org.thywill.kernel.components;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.thywill.api.Slot;
import org.thywill.api.ThywillException;
import org.thywill.kernel.fake.FakeProviders;

/** Discovering providers, and the messages for names that are missing or taken twice. */
class ProviderCatalogTest {

    @Test
    void discoversEveryListedProviderByItsSlotAndName() {
        ProviderCatalog catalog = ProviderCatalog.discover(getClass().getClassLoader());

        assertEquals("cyclic, dependent, fake", catalog.names(Slot.CLIENT_INTERFACE));
        assertEquals("broken, fake", catalog.names(Slot.LOG));
        assertEquals(FakeProviders.PushCyclic.class, catalog.provider(Slot.PUSH, "cyclic", "f.yml").getClass());
    }

    @Test
    void aSlotWithoutProvidersSaysSo() {
        ProviderCatalog catalog = new ProviderCatalog(List.of(new FakeProviders.LogFake()));

        assertEquals("none (no jar on the class path provides one)", catalog.names(Slot.DATABASE));
    }

    @Test
    void twoProvidersWithTheSameSlotAndNameAreRejectedNamingBoth() {
        ThywillException e = assertThrows(ThywillException.class, () -> new ProviderCatalog(List.of(
                new FakeProviders.LogFake(), new FakeProviders.LogFake())));

        String name = FakeProviders.LogFake.class.getName();
        assertEquals("Two log implementations are named 'fake': " + name + " and " + name
                + ". Remove one of their jars from the class path.", e.getMessage());
    }

    @Test
    void aListedProviderThatCannotBeLoadedIsReportedNotSkipped(@TempDir Path jar) throws IOException {
        Path services = Files.createDirectories(jar.resolve("META-INF/services"));
        Files.writeString(services.resolve("org.thywill.api.ComponentProvider"), "com.example.MissingProvider\n");

        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()},
                getClass().getClassLoader())) {
            ThywillException e = assertThrows(ThywillException.class, () -> ProviderCatalog.discover(loader));

            assertTrue(e.getMessage().startsWith("A component provider could not be loaded: "), e.getMessage());
            assertTrue(e.getMessage().contains("com.example.MissingProvider"), e.getMessage());
        }
    }
}
