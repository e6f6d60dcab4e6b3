package org.thywill.kernel.components;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.springframework.context.support.GenericApplicationContext;
import org.thywill.api.Component;
import org.thywill.api.ComponentContext;
import org.thywill.api.ComponentProvider;
import org.thywill.api.ThywillException;

/**
 * Creates the chosen components as the beans of one Spring context, in the order given, each seeing the others
 * through its {@link ComponentContext}. The order is {@link StartOrder}'s alone: the beans are registered in it
 * and Spring creates them in registration order, so no depends-on graph repeats it.
 */
public final class ComponentWiring implements AutoCloseable {

    private final GenericApplicationContext spring;
    private final List<ChosenComponent> components;

    private ComponentWiring(GenericApplicationContext spring, List<ChosenComponent> components) {
        this.spring = spring;
        this.components = List.copyOf(components);
    }

    /**
     * @param inOrder the choices, dependencies first (see {@link StartOrder})
     * @param classLoader the class loader the components were discovered in
     * @param contexts makes a choice's context from a look-up of the components created before it
     * @return the created components, in the same order
     * @throws ThywillException when a provider fails or creates what its slot does not accept; the components
     *     created before are dropped
     */
    public static ComponentWiring create(List<ComponentChoice> inOrder, ClassLoader classLoader,
            BiFunction<ComponentChoice, Function<Class<? extends Component>, Component>, ComponentContext> contexts) {
        GenericApplicationContext spring = new GenericApplicationContext();
        spring.setClassLoader(classLoader);
        for (ComponentChoice choice : inOrder) {
            register(spring, choice, contexts.apply(choice, spring::getBean));
        }
        try {
            spring.refresh();
        } catch (RuntimeException e) {
            ThywillException cause = find(e);
            throw cause != null ? cause : new ThywillException("The components could not be created: " + e, e);
        }
        List<ChosenComponent> created = new ArrayList<>();
        for (ComponentChoice choice : inOrder) {
            created.add(new ChosenComponent(choice.slot(), choice.provider().descriptor().name(),
                    spring.getBean(choice.slot().key(), Component.class)));
        }
        return new ComponentWiring(spring, created);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void register(GenericApplicationContext spring, ComponentChoice choice, ComponentContext context) {
        ComponentProvider provider = choice.provider();
        Class<Component> type = (Class<Component>) choice.slot().type();
        spring.registerBean(choice.slot().key(), type, () -> {
            Component component = provider.create(choice.settings(), context);
            if (!type.isInstance(component)) {
                throw new ThywillException("The " + choice.slot().key() + " implementation '"
                        + provider.descriptor().name() + "' created a " + component.getClass().getName() + ", which is not a "
                        + type.getSimpleName() + ". Its provider is broken.");
            }
            return component;
        });
    }

    private static ThywillException find(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof ThywillException te) {
                return te;
            }
        }
        return null;
    }

    /** @return the components, in the order created */
    public List<ChosenComponent> components() {
        return components;
    }

    /** Drops the context; the components' own {@link Component#stop()} is the lifecycle's to call, before this. */
    @Override
    public void close() {
        spring.close();
    }
}
