package org.thywill.api;

import java.util.Set;

/**
 * Discovered with {@link java.util.ServiceLoader} (list the class in
 * {@code META-INF/services/org.thywill.api.ComponentProvider}) and chosen by {@link #name()} in the settings file.
 *
 * @param <S> the settings record this implementation's section binds to
 */
public interface ComponentProvider<S> {

    /** @return the slot this provider fills */
    Slot slot();

    /** @return the name the settings file uses to pick this provider, unique within its slot */
    String name();

    /**
     * Where this implementation's settings live when its slot's section names several implementations (only
     * {@code clientInterface} may: {@code implementation: [cometd, websocket]}): the first implementation listed
     * reads the section's own keys, every other one the sub-section of this name, for example
     * {@code clientInterface.plain}. Must not be one of the first implementation's keys.
     *
     * @return the sub-section's key; the implementation's name by default
     */
    default String settingsSection() {
        return name();
    }

    /**
     * The type the slot's section binds to, usually a record whose compact constructor supplies defaults for absent
     * (null) values and throws {@link SettingsException} for bad ones. Record components are the keys.
     *
     * @return the settings type
     */
    Class<S> settingsType();

    /**
     * The slots this implementation uses. The kernel starts those first and lets {@link ComponentContext#component}
     * return only these.
     *
     * @return the slots this one depends on; empty by default
     */
    default Set<Slot> dependencies() {
        return Set.of();
    }

    /**
     * Creates the component. Must not start anything: {@link Component#start()} does that.
     *
     * @param settings this implementation's section, bound and validated
     * @param context what the kernel offers, including the components named in {@link #dependencies()}
     * @return a component implementing {@link Slot#type()} of {@link #slot()}
     */
    Component create(S settings, ComponentContext context);
}
