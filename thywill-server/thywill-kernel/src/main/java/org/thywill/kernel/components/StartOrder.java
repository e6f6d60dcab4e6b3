package org.thywill.kernel.components;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.thywill.api.Slot;
import org.thywill.api.ThywillException;

/** Orders the slots so that each starts after the slots it depends on; ties keep {@link Slot} order. */
public final class StartOrder {

    private StartOrder() {
    }

    /**
     * @param dependencies each slot's declared dependencies
     * @return the slots in start order
     * @throws ThywillException naming the cycle when the dependencies form one
     */
    public static List<Slot> of(Map<Slot, Set<Slot>> dependencies) {
        List<Slot> order = new ArrayList<>();
        Set<Slot> done = EnumSet.noneOf(Slot.class);
        for (Slot slot : dependencies.keySet()) {
            visit(slot, dependencies, done, new ArrayList<>(), order);
        }
        return order;
    }

    private static void visit(Slot slot, Map<Slot, Set<Slot>> deps, Set<Slot> done, List<Slot> path,
                              List<Slot> order) {
        if (done.contains(slot)) {
            return;
        }
        if (path.contains(slot)) {
            List<String> cycle = new ArrayList<>();
            for (Slot s : path.subList(path.indexOf(slot), path.size())) {
                cycle.add(s.key());
            }
            cycle.add(slot.key());
            throw new ThywillException("The chosen components depend on each other in a cycle: "
                    + String.join(" -> ", cycle) + ". Choose implementations whose dependencies do not loop.");
        }
        path.add(slot);
        for (Slot dep : deps.getOrDefault(slot, Set.of()).stream().sorted().toList()) {
            if (!deps.containsKey(dep)) {
                throw new ThywillException("The " + slot.key() + " implementation depends on the " + dep.key()
                        + " slot, which has no implementation chosen.");
            }
            visit(dep, deps, done, path, order);
        }
        path.remove(path.size() - 1);
        done.add(slot);
        order.add(slot);
    }
}
