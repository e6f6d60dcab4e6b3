package org.thywill.kernel.fake;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import org.thywill.api.Component;
import org.thywill.api.ComponentContext;
import org.thywill.api.ComponentDescriptor;
import org.thywill.api.ComponentProvider;
import org.thywill.api.Slot;

/**
 * The providers listed in {@code META-INF/services/org.thywill.api.ComponentProvider} of the kernel's tests: a
 * {@code fake} for every slot, and a few variants whose dependencies or results exercise the kernel's checks.
 */
public final class FakeProviders {

    private FakeProviders() {
    }

    /** A provider of fake components, with a name and dependencies of its own. */
    public abstract static class FakeProvider implements ComponentProvider<FakeSettings> {
        private final ComponentDescriptor<FakeSettings> descriptor;
        private final BiFunction<FakeSettings, ComponentContext, Component> factory;

        FakeProvider(Slot slot, String name, Set<Slot> dependencies,
                     BiFunction<FakeSettings, ComponentContext, Component> factory) {
            this.descriptor = new ComponentDescriptor<>(slot, name, FakeSettings.class, dependencies);
            this.factory = factory;
        }

        @Override
        public ComponentDescriptor<FakeSettings> descriptor() {
            return descriptor;
        }

        @Override
        public Component create(FakeSettings settings, ComponentContext context) {
            return factory.apply(settings, context);
        }
    }

    /** {@code clientInterface: fake}, depending on nothing. */
    public static final class ClientInterfaceFake extends FakeProvider {
        /** For ServiceLoader. */
        public ClientInterfaceFake() {
            super(Slot.CLIENT_INTERFACE, "fake", Set.of(), FakeComponents.FakeClientInterface::new);
        }
    }

    /**
     * {@code clientInterface: dependent}, depending on the database and the log. The set iterates the database
     * first, against {@link Slot} order, so that a kernel relying on the set's order shows it.
     */
    public static final class ClientInterfaceDependent extends FakeProvider {
        /** For ServiceLoader. */
        public ClientInterfaceDependent() {
            super(Slot.CLIENT_INTERFACE, "dependent", new LinkedHashSet<>(List.of(Slot.DATABASE, Slot.LOG)),
                    FakeComponents.FakeClientInterface::new);
        }
    }

    /** {@code clientInterface: cyclic}, depending on push, which (as {@code push: cyclic}) depends on it. */
    public static final class ClientInterfaceCyclic extends FakeProvider {
        /** For ServiceLoader. */
        public ClientInterfaceCyclic() {
            super(Slot.CLIENT_INTERFACE, "cyclic", Set.of(Slot.PUSH), FakeComponents.FakeClientInterface::new);
        }
    }

    /** {@code log: fake}. */
    public static final class LogFake extends FakeProvider {
        /** For ServiceLoader. */
        public LogFake() {
            super(Slot.LOG, "fake", Set.of(), FakeComponents.FakeLog::new);
        }
    }

    /** {@code log: broken}: creates a component that is not a Log. */
    public static final class LogBroken extends FakeProvider {
        /** For ServiceLoader. */
        public LogBroken() {
            super(Slot.LOG, "broken", Set.of(), FakeComponents.FakePush::new);
        }
    }

    /** {@code push: fake}. */
    public static final class PushFake extends FakeProvider {
        /** For ServiceLoader. */
        public PushFake() {
            super(Slot.PUSH, "fake", Set.of(), FakeComponents.FakePush::new);
        }
    }

    /** {@code push: cyclic}, depending on the client interface. */
    public static final class PushCyclic extends FakeProvider {
        /** For ServiceLoader. */
        public PushCyclic() {
            super(Slot.PUSH, "cyclic", Set.of(Slot.CLIENT_INTERFACE), FakeComponents.FakePush::new);
        }
    }

    /** {@code database: fake}. */
    public static final class DatabaseFake extends FakeProvider {
        /** For ServiceLoader. */
        public DatabaseFake() {
            super(Slot.DATABASE, "fake", Set.of(), FakeComponents.FakeDatabase::new);
        }
    }

    /** {@code application: fake}. */
    public static final class ApplicationFake extends FakeProvider {
        /** For ServiceLoader. */
        public ApplicationFake() {
            super(Slot.APPLICATION, "fake", Set.of(), FakeComponents.FakeApplicationInterface::new);
        }
    }

    /** {@code authentication: fake}. */
    public static final class AuthenticationFake extends FakeProvider {
        /** For ServiceLoader. */
        public AuthenticationFake() {
            super(Slot.AUTHENTICATION, "fake", Set.of(), FakeComponents.FakeAuthenticator::new);
        }
    }
}
