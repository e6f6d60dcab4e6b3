package org.thywill.kernel.components;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.thywill.api.Slot;
import org.thywill.api.ThywillException;

/** The order the kernel starts the slots in. */
class StartOrderTest {

    private static Map<Slot, Set<Slot>> noDependencies() {
        Map<Slot, Set<Slot>> dependencies = new EnumMap<>(Slot.class);
        for (Slot slot : Slot.values()) {
            dependencies.put(slot, Set.of());
        }
        return dependencies;
    }

    @Test
    void withoutDependenciesTheOrderIsSlotOrder() {
        assertEquals(List.of(Slot.values()), StartOrder.of(noDependencies()));
    }

    @Test
    void eachSlotStartsAfterWhatItDependsOn() {
        Map<Slot, Set<Slot>> dependencies = noDependencies();
        dependencies.put(Slot.CLIENT_INTERFACE, Set.of(Slot.DATABASE));
        dependencies.put(Slot.DATABASE, Set.of(Slot.LOG));
        dependencies.put(Slot.APPLICATION, Set.of(Slot.PUSH, Slot.CLIENT_INTERFACE));

        assertEquals(List.of(Slot.LOG, Slot.DATABASE, Slot.CLIENT_INTERFACE, Slot.PUSH, Slot.AUTHENTICATION,
                Slot.APPLICATION), StartOrder.of(dependencies));
    }

    @Test
    void dependenciesThemselvesStartInSlotOrderWhateverTheSetsIterationOrder() {
        Map<Slot, Set<Slot>> dependencies = noDependencies();
        dependencies.put(Slot.CLIENT_INTERFACE, new LinkedHashSet<>(List.of(Slot.APPLICATION, Slot.DATABASE,
                Slot.PUSH, Slot.LOG)));

        assertEquals(List.of(Slot.LOG, Slot.PUSH, Slot.DATABASE, Slot.APPLICATION, Slot.CLIENT_INTERFACE,
                Slot.AUTHENTICATION), StartOrder.of(dependencies));
    }

    @Test
    void aCycleIsRejectedWithItsPath() {
        Map<Slot, Set<Slot>> dependencies = noDependencies();
        dependencies.put(Slot.LOG, Set.of(Slot.DATABASE));
        dependencies.put(Slot.DATABASE, Set.of(Slot.PUSH));
        dependencies.put(Slot.PUSH, Set.of(Slot.LOG));

        ThywillException e = assertThrows(ThywillException.class, () -> StartOrder.of(dependencies));
        assertEquals("The chosen components depend on each other in a cycle: log -> database -> push -> log."
                + " Choose implementations whose dependencies do not loop.", e.getMessage());
    }

    @Test
    void aSlotDependingOnItselfIsACycle() {
        Map<Slot, Set<Slot>> dependencies = noDependencies();
        dependencies.put(Slot.PUSH, Set.of(Slot.PUSH));

        ThywillException e = assertThrows(ThywillException.class, () -> StartOrder.of(dependencies));
        assertEquals("The chosen components depend on each other in a cycle: push -> push."
                + " Choose implementations whose dependencies do not loop.", e.getMessage());
    }

    @Test
    void aDependencyOnASlotWithNothingChosenIsRejected() {
        Map<Slot, Set<Slot>> dependencies = new EnumMap<>(Slot.class);
        dependencies.put(Slot.PUSH, Set.of(Slot.DATABASE));

        ThywillException e = assertThrows(ThywillException.class, () -> StartOrder.of(dependencies));
        assertEquals("The push implementation depends on the database slot, which has no implementation chosen.",
                e.getMessage());
    }
}
