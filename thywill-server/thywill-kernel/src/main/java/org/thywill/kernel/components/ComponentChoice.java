package org.thywill.kernel.components;

import java.util.Set;
import org.thywill.api.ComponentProvider;
import org.thywill.api.Slot;

/**
 * What the settings chose for a slot, before anything is created: the provider and its section, bound.
 *
 * @param slot the slot
 * @param provider the implementation's provider
 * @param settings the section bound to {@link ComponentProvider#settingsType()}
 */
public record ComponentChoice(Slot slot, ComponentProvider<?> provider, Object settings) {

    /** @return the slots the implementation declared it needs */
    public Set<Slot> dependencies() {
        return provider.descriptor().dependencies();
    }
}
