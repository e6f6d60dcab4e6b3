package org.thywill.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.thywill.api.Component;
import org.thywill.api.ComponentContext;
import org.thywill.api.Slot;
import org.thywill.api.ThywillException;
import org.thywill.api.client.ClientInterface;
import org.thywill.api.database.Database;
import org.thywill.api.log.Log;
import org.thywill.api.push.Push;
import org.thywill.kernel.fake.FakeComponents.FakeComponent;
import org.thywill.kernel.fake.Journal;

/** Starting and stopping a server of fake components: order, rollback, cycles and what a component may reach. */
@ExtendWith(Journal.Cleared.class)
class ThywillStartTest {

    @TempDir
    Path home;

    @Test
    void componentsWithoutDependenciesStartInSlotOrderThenTheClientInterfaceOpens() {
        try (Thywill thywill = SettingsFile.allFake().start(home)) {
            assertEquals(List.of("start clientInterface", "start log", "start push", "start database",
                    "start authentication", "start application", "open clientInterface"), Journal.events());
            assertEquals(Map.of(Slot.CLIENT_INTERFACE, "fake", Slot.LOG, "fake", Slot.PUSH, "fake",
                    Slot.DATABASE, "fake", Slot.AUTHENTICATION, "fake", Slot.APPLICATION, "fake"),
                    thywill.implementations());
        }
    }

    @Test
    void componentsStartAfterTheirDependenciesInSlotOrderAndStopInReverse() {
        Thywill thywill = SettingsFile.allFake().set("clientInterface", "implementation", "dependent").start(home);
        assertEquals(List.of("start log", "start database", "start clientInterface", "start push",
                "start authentication", "start application", "open clientInterface"), Journal.events());
        Journal.clear();

        thywill.close();

        assertEquals(List.of("stop application", "stop authentication", "stop push", "stop clientInterface",
                "stop database", "stop log"), Journal.events());
    }

    @Test
    void closeIsIdempotent() {
        Thywill thywill = SettingsFile.allFake().start(home);
        thywill.close();
        Journal.clear();

        thywill.close();

        assertEquals(List.of(), Journal.events());
    }

    @Test
    void aFailedStartStopsWhatStartedInReverseAndNamesTheFailingComponent() {
        ThywillException e = assertThrows(ThywillException.class,
                () -> SettingsFile.allFake().set("push", "failOnStart", "true").start(home));

        assertEquals(List.of("start clientInterface", "start log", "start push", "stop log", "stop clientInterface"),
                Journal.events());
        assertTrue(e.getMessage().startsWith("The push 'fake' component failed to start: "), e.getMessage());
        assertTrue(e.getMessage().contains("fake push was told to fail"), e.getMessage());
    }

    @Test
    void aClientInterfaceThatCannotOpenStopsEveryComponentInReverse() {
        ThywillException e = assertThrows(ThywillException.class,
                () -> SettingsFile.allFake().set("clientInterface", "failOnOpen", "true").start(home));

        assertEquals(List.of("start clientInterface", "start log", "start push", "start database",
                "start authentication", "start application", "open clientInterface", "stop application",
                "stop authentication", "stop database", "stop push", "stop log", "stop clientInterface"),
                Journal.events());
        assertEquals("The client interface could not open: port taken", e.getMessage());
    }

    @Test
    void aDependencyCycleIsRejectedWithTheCycleBeforeAnythingIsCreated() {
        ThywillException e = assertThrows(ThywillException.class, () -> SettingsFile.allFake()
                .set("clientInterface", "implementation", "cyclic")
                .set("push", "implementation", "cyclic")
                .start(home));

        assertTrue(e.getMessage().contains("clientInterface -> push -> clientInterface"), e.getMessage());
        assertEquals(List.of(), Journal.events());
    }

    @Test
    void aProviderThatCreatesTheWrongTypeIsReportedAsBroken() {
        ThywillException e = assertThrows(ThywillException.class,
                () -> SettingsFile.allFake().set("log", "implementation", "broken").start(home));

        assertTrue(e.getMessage().startsWith("The log implementation 'broken' created a "), e.getMessage());
        assertTrue(e.getMessage().endsWith("which is not a Log. Its provider is broken."), e.getMessage());
        assertEquals(List.of(), Journal.events());
    }

    @Test
    void aComponentReachesTheSlotsItDeclared() {
        try (Thywill thywill = SettingsFile.allFake().set("clientInterface", "implementation", "dependent")
                .start(home)) {
            ComponentContext context = fake(thywill, ClientInterface.class).context();

            assertSame(thywill.component(Database.class), context.component(Database.class));
            assertSame(thywill.component(Log.class), context.component(Log.class));
        }
    }

    @Test
    void aComponentAskingForAnUndeclaredSlotGetsIllegalStateException() {
        try (Thywill thywill = SettingsFile.allFake().set("clientInterface", "implementation", "dependent")
                .start(home)) {
            ComponentContext context = fake(thywill, ClientInterface.class).context();

            IllegalStateException e = assertThrows(IllegalStateException.class, () -> context.component(Push.class));
            assertEquals("The clientInterface component asked for Push without declaring it in"
                    + " ComponentDescriptor.dependencies()", e.getMessage());
        }
    }

    @Test
    void theContextResolvesRelativePathsFromHomeAndGivesTheServerSettings() {
        try (Thywill thywill = SettingsFile.allFake().set("server", "host", "127.0.0.1").start(home)) {
            ComponentContext context = fake(thywill, Log.class).context();

            assertEquals(home.resolve("data/x.db").toAbsolutePath().normalize(), context.resolve("data/../data/x.db"));
            Path absolute = home.resolve("elsewhere").toAbsolutePath();
            assertEquals(absolute, context.resolve(absolute.toString()));
            assertEquals("127.0.0.1", context.server().host());
            assertEquals(0, context.server().port());
        }
    }

    @Test
    void settingsBuiltInCodeStartTheSameComponentsAndNameTheirSource() {
        ThywillSettings.Builder builder = ThywillSettings.builder().home(home).set("server", "port", 0);
        for (Slot slot : Slot.values()) {
            builder.set(slot.key(), "implementation", "fake");
        }
        try (Thywill thywill = Thywill.start(builder.set("database", "size", 7).build())) {
            assertEquals(7, fake(thywill, Database.class).settings().size());
        }

        ThywillException e = assertThrows(ThywillException.class,
                () -> Thywill.start(builder.set("database", "size", 700).build()));
        assertTrue(e.getMessage().startsWith(
                "Setting 'database.size' in settings built in code: must be between 1 and 100, not 700."),
                e.getMessage());
    }

    static FakeComponent fake(Thywill thywill, Class<? extends Component> type) {
        return assertInstanceOf(FakeComponent.class, thywill.component(type));
    }

    // clientInterface.implementation may name several implementations, which then run side by side.

    @Test
    void aListStartsAndOpensEachInTheOrderListedEachWithItsOwnSection() throws Exception {
        SettingsFile file = SettingsFile.allFake()
                .set("clientInterface", "implementation", "[fake, dependent]")
                .set("clientInterface", "size", "3")
                .set("clientInterface", "dependent", "{size: 7}");
        try (Thywill thywill = file.start(home)) {
            assertEquals("fake+dependent", thywill.implementations().get(Slot.CLIENT_INTERFACE));
            assertEquals(2, Journal.events().stream().filter("open clientInterface"::equals).count());
            assertEquals(2, Journal.events().stream().filter("start clientInterface"::equals).count());
            assertEquals(thywill.port(), thywill.port("fake"));
            assertEquals(-1, thywill.port("cometd"));
        }
    }

    @Test
    void aWrongValueInAnotherImplementationsSectionIsNamedWithItsSubSection() {
        SettingsFile file = SettingsFile.allFake()
                .set("clientInterface", "implementation", "[fake, dependent]")
                .set("clientInterface", "dependent", "{size: many}");
        ThywillException e = assertThrows(ThywillException.class, () -> file.start(home));
        assertEquals("Setting 'clientInterface.dependent.size' in " + home.resolve("thywill.yml")
                + " must be a whole number but is 'many'. Change it in that file.", e.getMessage().lines()
                .filter(l -> l.contains("clientInterface.dependent")).findFirst().orElse(e.getMessage()).trim());
        assertEquals(List.of(), Journal.events());
    }

    @Test
    void onlyTheClientInterfaceRunsSeveralImplementations() {
        SettingsFile file = SettingsFile.allFake().set("log", "implementation", "fake,broken");
        ThywillException e = assertThrows(ThywillException.class, () -> file.start(home));
        assertEquals("Setting 'log.implementation' in " + home.resolve("thywill.yml") + " names several"
                + " implementations ([fake, broken]); only clientInterface runs several at once. Name one of: broken,"
                + " fake.", e.getMessage());
    }

    @Test
    void anImplementationListedTwiceIsRefused() {
        SettingsFile file = SettingsFile.allFake().set("clientInterface", "implementation", "[fake, fake]");
        ThywillException e = assertThrows(ThywillException.class, () -> file.start(home));
        assertEquals("Setting 'clientInterface.implementation' in " + home.resolve("thywill.yml") + " names 'fake'"
                + " twice. Name each once.", e.getMessage());
    }
}
