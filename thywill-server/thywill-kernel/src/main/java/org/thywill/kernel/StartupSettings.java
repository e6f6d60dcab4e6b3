package org.thywill.kernel;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.thywill.api.ComponentProvider;
import org.thywill.api.Slot;
import org.thywill.api.ThywillException;
import org.thywill.kernel.components.ComponentChoice;
import org.thywill.kernel.components.ComposedClientInterfaceProvider;
import org.thywill.kernel.components.ProviderCatalog;
import org.thywill.kernel.settings.EnvironmentOverrides;
import org.thywill.kernel.settings.InvalidSettingsException;
import org.thywill.kernel.settings.KernelServerSettings;
import org.thywill.kernel.settings.SettingsBinder;
import org.thywill.kernel.settings.SettingsProblem;
import org.thywill.kernel.settings.SettingsTree;

/**
 * The settings of one start, bound and checked before anything is created: the server section and, per slot, the
 * implementation chosen and its section. Every section is bound even after one fails, so that start-up reports
 * every bad value of the file at once.
 *
 * @param server the {@code server} section
 * @param components each slot's choice, in {@link Slot} order
 */
record StartupSettings(KernelServerSettings server, Map<Slot, ComponentChoice> components) {

    private static final Logger LOG = LoggerFactory.getLogger(StartupSettings.class);

    /**
     * @param settings the file (or code) and the environment
     * @param catalog the implementations found
     * @return the bound settings
     * @throws ThywillException naming the unknown section or implementation; {@link InvalidSettingsException}
     *     listing every value that cannot be used
     */
    static StartupSettings bind(ThywillSettings settings, ProviderCatalog catalog) {
        SettingsTree tree = settings.tree();
        EnvironmentOverrides env = settings.environment();
        rejectUnknownSections(tree);
        SettingsBinder binder = new SettingsBinder();
        List<SettingsProblem> problems = new ArrayList<>();
        List<Throwable> causes = new ArrayList<>();

        tree = env.apply(tree, Thywill.SERVER_SECTION, SettingsBinder.keysOf(KernelServerSettings.class));
        KernelServerSettings server = null;
        try {
            server = binder.bind(tree.section(Thywill.SERVER_SECTION), KernelServerSettings.class,
                    Thywill.SERVER_SECTION, tree.source(), env);
        } catch (InvalidSettingsException e) {
            problems.addAll(e.problems());
            causes.add(e);
        }
        Map<Slot, ComponentChoice> components = new EnumMap<>(Slot.class);
        for (Slot slot : Slot.values()) {
            List<ComponentProvider<?>> providers = providers(slot, tree, env, catalog);
            ComponentProvider<?> provider = providers.get(0);
            tree = env.apply(tree, slot.key(), SettingsBinder.keysOf(provider.descriptor().settingsType()));
            Map<String, Object> section = tree.section(slot.key());
            section.remove("implementation");
            List<ComponentChoice> parts = new ArrayList<>();
            List<String> sections = new ArrayList<>();
            for (ComponentProvider<?> other : providers.subList(1, providers.size())) {
                String name = slot.key() + "." + other.settingsSection();
                Object values = section.remove(other.settingsSection());
                Map<String, Object> own = SettingsTree.of(Map.of(name, values == null ? Map.of() : values),
                        tree.source()).section(name);
                own = env.apply(SettingsTree.of(Map.of(name, own), tree.source()), name,
                        SettingsBinder.keysOf(other.descriptor().settingsType())).section(name);
                bindInto(parts, slot, other, own, name, tree.source(), env, problems, causes);
                sections.add(name);
            }
            // Bound after the others, once its section no longer holds their sub-sections.
            List<ComponentChoice> first = new ArrayList<>();
            bindInto(first, slot, provider, section, slot.key(), tree.source(), env, problems, causes);
            parts.addAll(0, first);
            sections.add(0, slot.key());
            if (providers.size() == 1 && parts.size() == 1) {
                components.put(slot, parts.get(0));
            } else if (parts.size() == providers.size()) {
                ComposedClientInterfaceProvider composed = new ComposedClientInterfaceProvider(
                        new ComposedClientInterfaceProvider.Parts(parts, sections));
                components.put(slot, new ComponentChoice(slot, composed, composed.parts()));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidSettingsException(problems, causes.get(0).getCause());
        }
        StartupSettings bound = new StartupSettings(server, components);
        bound.warnUnmatchedVariables(env);
        return bound;
    }

    /** @return each slot's declared dependencies, for {@link org.thywill.kernel.components.StartOrder} */
    Map<Slot, Set<Slot>> dependencies() {
        Map<Slot, Set<Slot>> dependencies = new EnumMap<>(Slot.class);
        components.forEach((slot, choice) -> dependencies.put(slot, choice.dependencies()));
        return dependencies;
    }

    private static void bindInto(List<ComponentChoice> parts, Slot slot, ComponentProvider<?> provider,
                                 Map<String, Object> values, String section, String source, EnvironmentOverrides env,
                                 List<SettingsProblem> problems, List<Throwable> causes) {
        try {
            parts.add(new ComponentChoice(slot, provider, new SettingsBinder().bind(values, provider.descriptor().settingsType(),
                    section, source, env)));
        } catch (InvalidSettingsException e) {
            problems.addAll(e.problems());
            causes.add(e);
        }
    }

    /**
     * @return the implementations the slot's section names, in its order: one, or for {@code clientInterface} a
     *         list ({@code [cometd, websocket]}, or {@code cometd,websocket} in an environment variable)
     */
    private static List<ComponentProvider<?>> providers(Slot slot, SettingsTree tree, EnvironmentOverrides env,
                                                        ProviderCatalog catalog) {
        Object named = env.value(slot.key(), "implementation").map(Object.class::cast).orElse(
                tree.section(slot.key()).getOrDefault("implementation", Thywill.DEFAULT_IMPLEMENTATIONS.get(slot)));
        List<?> names = named instanceof List<?> list && slot == Slot.CLIENT_INTERFACE ? list
                : named instanceof String text ? List.of(text.split(",", -1)) : List.of();
        String where = "Setting '" + slot.key() + ".implementation' in " + tree.source();
        if (names.isEmpty() || names.stream().anyMatch(n -> !(n instanceof String s) || s.isBlank())) {
            throw new ThywillException(where + " must name an implementation" + (slot == Slot.CLIENT_INTERFACE
                    ? " or a list of them" : "") + ". Available for " + slot.key() + ": " + catalog.names(slot) + ".");
        }
        if (names.size() > 1 && slot != Slot.CLIENT_INTERFACE) {
            throw new ThywillException(where + " names several implementations (" + names + "); only clientInterface"
                    + " runs several at once. Name one of: " + catalog.names(slot) + ".");
        }
        List<ComponentProvider<?>> providers = new ArrayList<>();
        Set<String> sections = new HashSet<>();
        for (Object name : names) {
            ComponentProvider<?> provider = catalog.provider(slot, ((String) name).trim(), tree.source());
            if (providers.stream().anyMatch(p -> p.descriptor().name().equals(provider.descriptor().name()))) {
                throw new ThywillException(where + " names '" + provider.descriptor().name() + "' twice. Name each once.");
            }
            if (!providers.isEmpty() && (!sections.add(provider.settingsSection())
                    || SettingsBinder.keysOf(providers.get(0).descriptor().settingsType()).containsKey(provider.settingsSection()))) {
                throw new ThywillException(where + ": the settings of '" + provider.descriptor().name() + "' would be in '"
                        + slot.key() + "." + provider.settingsSection() + "', which is a setting of '"
                        + providers.get(0).descriptor().name() + "'. List '" + provider.descriptor().name() + "' first.");
            }
            providers.add(provider);
        }
        return providers;
    }

    private static void rejectUnknownSections(SettingsTree tree) {
        Set<String> known = new HashSet<>();
        known.add(Thywill.SERVER_SECTION);
        for (Slot slot : Slot.values()) {
            known.add(slot.key());
        }
        for (String name : tree.sectionNames()) {
            if (!known.contains(name)) {
                throw new ThywillException("Unknown section '" + name + "' in " + tree.source()
                        + ". The sections are: server, log, database, authentication, clientInterface, push,"
                        + " application.");
            }
        }
    }

    /** A {@code THYWILL_*} variable that sets no key of the chosen implementations is most likely misspelt. */
    private void warnUnmatchedVariables(EnvironmentOverrides env) {
        Set<String> known = new HashSet<>();
        List<String> sections = new ArrayList<>(List.of(Thywill.SERVER_SECTION));
        SettingsBinder.keysOf(KernelServerSettings.class).keySet()
                .forEach(k -> known.add(EnvironmentOverrides.variableName(Thywill.SERVER_SECTION, k)));
        components.forEach((slot, choice) -> {
            sections.add(slot.key());
            known.add(EnvironmentOverrides.variableName(slot.key(), "implementation"));
            if (choice.settings() instanceof ComposedClientInterfaceProvider.Parts parts) {
                for (int i = 0; i < parts.choices().size(); i++) {
                    String section = parts.sections().get(i);
                    SettingsBinder.keysOf(parts.choices().get(i).provider().descriptor().settingsType()).keySet()
                            .forEach(k -> known.add(EnvironmentOverrides.variableName(section, k)));
                }
            } else {
                SettingsBinder.keysOf(choice.provider().descriptor().settingsType()).keySet()
                        .forEach(k -> known.add(EnvironmentOverrides.variableName(slot.key(), k)));
            }
        });
        for (String unmatched : env.unmatched(sections, known::contains)) {
            LOG.warn("Environment variable {} matches no setting and is ignored", unmatched);
        }
    }
}
