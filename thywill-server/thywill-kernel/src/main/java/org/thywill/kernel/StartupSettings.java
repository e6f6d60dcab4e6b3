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
            ComponentProvider<?> provider = provider(slot, tree, env, catalog);
            tree = env.apply(tree, slot.key(), SettingsBinder.keysOf(provider.descriptor().settingsType()));
            Map<String, Object> section = tree.section(slot.key());
            section.remove("implementation");
            try {
                components.put(slot, new ComponentChoice(slot, provider, binder.bind(section,
                        provider.descriptor().settingsType(), slot.key(), tree.source(), env)));
            } catch (InvalidSettingsException e) {
                problems.addAll(e.problems());
                causes.add(e);
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

    private static ComponentProvider<?> provider(Slot slot, SettingsTree tree, EnvironmentOverrides env,
                                                 ProviderCatalog catalog) {
        Object named = env.value(slot.key(), "implementation").map(Object.class::cast).orElse(
                tree.section(slot.key()).getOrDefault("implementation", Thywill.DEFAULT_IMPLEMENTATIONS.get(slot)));
        if (!(named instanceof String name) || name.isBlank()) {
            throw new ThywillException("Setting '" + slot.key() + ".implementation' in " + tree.source()
                    + " must name an implementation. Available for " + slot.key() + ": "
                    + catalog.names(slot) + ".");
        }
        return catalog.provider(slot, name, tree.source());
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
            SettingsBinder.keysOf(choice.provider().descriptor().settingsType()).keySet()
                    .forEach(k -> known.add(EnvironmentOverrides.variableName(slot.key(), k)));
        });
        for (String unmatched : env.unmatched(sections, known::contains)) {
            LOG.warn("Environment variable {} matches no setting and is ignored", unmatched);
        }
    }
}
