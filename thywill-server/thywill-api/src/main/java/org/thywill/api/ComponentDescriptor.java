package org.thywill.api;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

/**
 * What a {@link ComponentProvider} offers, given once in {@link ComponentProvider#descriptor()}.
 *
 * @param slot the slot the provider fills
 * @param name the name the settings file uses to pick the provider, unique within its slot
 * @param settingsType the type the slot's section binds to, usually a record whose compact constructor supplies
 *        defaults for absent (null) values and throws {@link SettingsException} for bad ones; record components are
 *        the keys
 * @param dependencies the slots the component uses: the kernel starts those first and lets
 *        {@link ComponentContext#component} return only these
 * @param <S> the settings record
 */
public record ComponentDescriptor<S>(Slot slot, String name, Class<S> settingsType, Set<Slot> dependencies) {

    /** Validates, and copies the dependencies. */
    public ComponentDescriptor {
        Objects.requireNonNull(slot, "slot");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(settingsType, "settingsType");
        // a copy in the given order: the kernel reports and starts dependencies in the order a provider lists them
        dependencies = Collections.unmodifiableSet(new LinkedHashSet<>(dependencies));
    }

    /**
     * A provider whose component uses no other slot.
     *
     * @param slot the slot the provider fills
     * @param name the name the settings file uses to pick the provider
     * @param settingsType the type the slot's section binds to
     */
    public ComponentDescriptor(Slot slot, String name, Class<S> settingsType) {
        this(slot, name, settingsType, Set.of());
    }
}
