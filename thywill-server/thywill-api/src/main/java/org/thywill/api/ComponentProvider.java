package org.thywill.api;

/**
 * Discovered with {@link java.util.ServiceLoader} (list the class in
 * {@code META-INF/services/org.thywill.api.ComponentProvider}) and chosen by its descriptor's
 * {@link ComponentDescriptor#name() name} in the settings file.
 *
 * @param <S> the settings record this implementation's section binds to
 */
public interface ComponentProvider<S> {

    /**
     * Where this implementation's settings live when its slot's section names several implementations (only
     * {@code clientInterface} may: {@code implementation: [cometd, websocket]}): the first implementation listed
     * reads the section's own keys, every other one the sub-section of this name, for example
     * {@code clientInterface.plain}. Must not be one of the first implementation's keys.
     *
     * @return the sub-section's key; the implementation's name by default
     */
    default String settingsSection() {
        return descriptor().name();
    }

    /**
     * Asked once, when the kernel discovers the provider.
     *
     * @return the slot it fills, its name, its settings type and the slots it depends on
     */
    ComponentDescriptor<S> descriptor();

    /**
     * Creates the component. Must not start anything: {@link Component#start()} does that.
     *
     * @param settings this implementation's section, bound and validated
     * @param context what the kernel offers, including the components its descriptor depends on
     * @return a component implementing {@link Slot#type()} of its slot
     */
    Component create(S settings, ComponentContext context);
}
