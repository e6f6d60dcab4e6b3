package org.thywill.kernel.components;

import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.thywill.api.Component;
import org.thywill.api.ComponentDescriptor;
import org.thywill.api.ComponentContext;
import org.thywill.api.ComponentProvider;
import org.thywill.api.Slot;
import org.thywill.api.ThywillException;
import org.thywill.api.client.ClientInterface;

/**
 * The kernel's own provider for a {@code clientInterface} section that names several implementations: it creates
 * each of them, with one context that offers every slot any of them depends on, and composes them into one
 * {@link ComposedClientInterface}.
 */
public final class ComposedClientInterfaceProvider implements ComponentProvider<ComposedClientInterfaceProvider.Parts> {

    /**
     * The implementations composed, each bound to its own section.
     *
     * @param choices the implementations in the order listed
     * @param sections the section each was bound from, for example {@code clientInterface.plain}, in that order
     */
    public record Parts(List<ComponentChoice> choices, List<String> sections) {

        /** Copies. */
        public Parts {
            choices = List.copyOf(choices);
            sections = List.copyOf(sections);
        }
    }

    private final Parts parts;

    /** @param parts the implementations, bound */
    public ComposedClientInterfaceProvider(Parts parts) {
        this.parts = parts;
    }

    /** @return the implementations, bound */
    public Parts parts() {
        return parts;
    }

    /** The name is the names listed, joined with {@code +}, for example {@code cometd+websocket}. */
    @Override
    public ComponentDescriptor<Parts> descriptor() {
        String name = parts.choices().stream().map(c -> c.provider().descriptor().name())
                .collect(Collectors.joining("+"));
        Set<Slot> all = new LinkedHashSet<>();
        parts.choices().forEach(c -> all.addAll(c.dependencies()));
        return new ComponentDescriptor<>(Slot.CLIENT_INTERFACE, name, Parts.class, all);
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Component create(Parts settings, ComponentContext context) {
        Map<String, ClientInterface> created = new LinkedHashMap<>();
        for (ComponentChoice choice : settings.choices()) {
            ComponentProvider provider = choice.provider();
            Component component = provider.create(choice.settings(), context);
            if (!(component instanceof ClientInterface clientInterface)) {
                throw new ThywillException("The clientInterface implementation '" + provider.descriptor().name() + "' created a "
                        + component.getClass().getName() + ", which is not a ClientInterface. Its provider is broken.");
            }
            created.put(provider.descriptor().name(), clientInterface);
        }
        return new ComposedClientInterface(created);
    }

    /**
     * @param clientInterface the running Client Interface
     * @param implementation an implementation's name
     * @return the port of that implementation, or -1 when it does not run
     */
    public static int port(ClientInterface clientInterface, String implementation) {
        if (clientInterface instanceof ComposedClientInterface composed) {
            return composed.part(implementation).map(ClientInterface::port).orElse(-1);
        }
        return -1;
    }
}
