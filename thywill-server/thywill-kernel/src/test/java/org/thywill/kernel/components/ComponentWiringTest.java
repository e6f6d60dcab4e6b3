package org.thywill.kernel.components;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.thywill.api.Component;
import org.thywill.api.ComponentContext;
import org.thywill.api.ComponentDescriptor;
import org.thywill.api.ComponentProvider;
import org.thywill.api.ServerSettings;
import org.thywill.api.Slot;
import org.thywill.api.database.Database;
import org.thywill.api.metrics.Metrics;
import org.thywill.kernel.fake.FakeProviders;
import org.thywill.kernel.fake.FakeSettings;
import org.thywill.kernel.page.BootstrapPage;

/** The components are created in the one order StartOrder computes, each seeing those created before it. */
class ComponentWiringTest {

    /** Creates what another provider creates, noting the order of creation. */
    private record Noting(ComponentProvider<FakeSettings> real, List<Slot> created)
            implements ComponentProvider<FakeSettings> {
        @Override
        public ComponentDescriptor<FakeSettings> descriptor() {
            return real.descriptor();
        }

        @Override
        public Component create(FakeSettings settings, ComponentContext context) {
            created.add(descriptor().slot());
            return real.create(settings, context);
        }
    }

    @Test
    void componentsAreCreatedInStartOrderAgainstSlotOrderAndReachTheirDependencies() {
        List<Slot> created = new ArrayList<>();
        Map<Slot, ComponentChoice> choices = new EnumMap<>(Slot.class);
        for (ComponentProvider<FakeSettings> provider : List.of(new FakeProviders.LogFake(),
                new FakeProviders.DatabaseFake(), new FakeProviders.ClientInterfaceDependent(),
                new FakeProviders.PushFake(), new FakeProviders.ApplicationFake())) {
            choices.put(provider.descriptor().slot(), new ComponentChoice(provider.descriptor().slot(), new Noting(provider, created),
                    new FakeSettings(null, null, null, null, null, null)));
        }
        Map<Slot, Set<Slot>> dependencies = new EnumMap<>(Slot.class);
        choices.forEach((slot, choice) -> dependencies.put(slot, choice.dependencies()));
        List<Slot> order = StartOrder.of(dependencies);
        List<ComponentContext> contexts = new ArrayList<>();

        try (ComponentWiring wiring = ComponentWiring.create(order.stream().map(choices::get).toList(),
                getClass().getClassLoader(), (choice, lookup) -> {
                    ComponentContext context = new KernelContext(new ServerSettings("127.0.0.1", 0), Path.of("."),
                            choice.slot(), choice.dependencies(), lookup, new BootstrapPage(Map::of),
                            Metrics.none());
                    contexts.add(context);
                    return context;
                })) {
            assertEquals(List.of(Slot.LOG, Slot.DATABASE, Slot.CLIENT_INTERFACE, Slot.PUSH, Slot.APPLICATION),
                    created, "the dependent Client Interface after the Database it needs, though its slot is first");
            assertEquals(order, wiring.components().stream().map(ChosenComponent::slot).toList());
            ComponentContext clientInterface = contexts.get(order.indexOf(Slot.CLIENT_INTERFACE));
            assertSame(wiring.components().get(order.indexOf(Slot.DATABASE)).component(),
                    clientInterface.component(Database.class));
        }
    }
}
