package org.thywill.kernel.components;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.stream.Collectors;
import org.thywill.api.ComponentDescriptor;
import org.thywill.api.ComponentProvider;
import org.thywill.api.Slot;
import org.thywill.api.ThywillException;

/**
 * Every {@link ComponentProvider} on the class path, by slot and name. A provider that cannot be loaded stops
 * start-up with its name, rather than vanishing from the list.
 */
public final class ProviderCatalog {

    private final Map<Slot, Map<String, ComponentProvider<?>>> bySlot = new EnumMap<>(Slot.class);

    /** @param providers the providers to offer; two with the same slot and name are an error */
    public ProviderCatalog(List<ComponentProvider<?>> providers) {
        for (Slot slot : Slot.values()) {
            bySlot.put(slot, new LinkedHashMap<>());
        }
        for (ComponentProvider<?> p : providers) {
            ComponentDescriptor<?> offered = p.descriptor();
            ComponentProvider<?> before = bySlot.get(offered.slot()).putIfAbsent(offered.name(), p);
            if (before != null) {
                throw new ThywillException("Two " + offered.slot().key() + " implementations are named '"
                        + offered.name() + "': " + before.getClass().getName() + " and " + p.getClass().getName()
                        + ". Remove one of their jars from the class path.");
            }
        }
    }

    /**
     * @param loader where to look
     * @return a catalog of every provider listed in {@code META-INF/services/org.thywill.api.ComponentProvider}
     */
    @SuppressWarnings("rawtypes")
    public static ProviderCatalog discover(ClassLoader loader) {
        List<ComponentProvider<?>> found = new ArrayList<>();
        ServiceLoader<ComponentProvider> services = ServiceLoader.load(ComponentProvider.class, loader);
        var iterator = services.iterator();
        while (true) {
            try {
                if (!iterator.hasNext()) {
                    break;
                }
                found.add(iterator.next());
            } catch (ServiceConfigurationError e) {
                throw new ThywillException("A component provider could not be loaded: " + e.getMessage()
                        + ". Remove the jar that lists it, or add the jars it needs.", e);
            }
        }
        return new ProviderCatalog(found);
    }

    /**
     * @param slot a slot
     * @param name an implementation name from the settings
     * @param source the settings' source, for the message
     * @return the provider
     * @throws ThywillException listing the names available for the slot when none has that name
     */
    public ComponentProvider<?> provider(Slot slot, String name, String source) {
        ComponentProvider<?> provider = bySlot.get(slot).get(name);
        if (provider == null) {
            throw new ThywillException("Unknown " + slot.key() + " implementation '" + name + "' in " + source
                    + ". Available for " + slot.key() + ": " + names(slot)
                    + ". Set '" + slot.key() + ".implementation' to one of them.");
        }
        return provider;
    }

    /**
     * @param slot a slot
     * @return the names of its implementations, comma-separated, or "none" when there is none
     */
    public String names(Slot slot) {
        String names = bySlot.get(slot).keySet().stream().sorted().collect(Collectors.joining(", "));
        return names.isEmpty() ? "none (no jar on the class path provides one)" : names;
    }
}
