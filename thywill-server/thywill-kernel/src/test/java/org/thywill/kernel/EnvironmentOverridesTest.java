package org.thywill.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.thywill.api.Slot;
import org.thywill.api.ThywillException;
import org.thywill.api.client.ClientInterface;
import org.thywill.api.log.Log;
import org.thywill.api.push.Push;
import org.thywill.kernel.fake.Journal;
import org.thywill.kernel.settings.EnvironmentOverrides;

/** Environment variables {@code THYWILL_<SECTION>_<KEY>} override the file, as docker-compose sets them. */
class EnvironmentOverridesTest {

    @TempDir
    Path home;

    @BeforeEach
    void clearJournal() {
        Journal.clear();
    }

    @Test
    void theServerPortIsOverridden() {
        try (Thywill thywill = SettingsFile.allFake().set("server", "port", "8080")
                .start(home, Map.of("THYWILL_SERVER_PORT", "9090"))) {
            assertEquals(9090, thywill.port());
        }
    }

    @Test
    void anOverriddenValueIsValidatedLikeAWrittenOne() {
        ThywillException e = assertThrows(ThywillException.class, () -> SettingsFile.allFake()
                .start(home, Map.of("THYWILL_SERVER_PORT", "70000")));

        assertTrue(e.getMessage().contains("must be between 0 and 65535, not 70000"), e.getMessage());
        assertTrue(e.getMessage().startsWith("Setting 'server.port' from environment variable THYWILL_SERVER_PORT"),
                "the message points at the variable, not at the file: " + e.getMessage());
        assertTrue(e.getMessage().endsWith("Change that variable."), e.getMessage());
    }

    @Test
    void theImplementationOfASlotIsOverridden() {
        try (Thywill thywill = SettingsFile.allFake()
                .start(home, Map.of("THYWILL_CLIENT_INTERFACE_IMPLEMENTATION", "dependent"))) {
            assertEquals("dependent", thywill.implementations().get(Slot.CLIENT_INTERFACE));
            assertEquals("fake", thywill.implementations().get(Slot.LOG));
        }
    }

    @Test
    void aListOfClientInterfacesAndTheirSubSectionsAreOverriddenWithTheSubSectionInTheName() {
        ThywillException e = assertThrows(ThywillException.class, () -> SettingsFile.allFake().start(home, Map.of(
                "THYWILL_CLIENT_INTERFACE_IMPLEMENTATION", "fake,dependent",
                "THYWILL_CLIENT_INTERFACE_DEPENDENT_SIZE", "many")));

        assertTrue(e.getMessage().startsWith("Setting 'clientInterface.dependent.size' from environment variable"
                + " THYWILL_CLIENT_INTERFACE_DEPENDENT_SIZE must be a whole number but is 'many'."), e.getMessage());
        try (Thywill thywill = SettingsFile.allFake().start(home, Map.of(
                "THYWILL_CLIENT_INTERFACE_IMPLEMENTATION", "fake, dependent",
                "THYWILL_CLIENT_INTERFACE_DEPENDENT_SIZE", "4"))) {
            assertEquals("fake+dependent", thywill.implementations().get(Slot.CLIENT_INTERFACE));
        }
    }

    @Test
    void anOverriddenImplementationThatDoesNotExistListsTheAvailableNames() {
        ThywillException e = assertThrows(ThywillException.class, () -> SettingsFile.allFake()
                .start(home, Map.of("THYWILL_PUSH_IMPLEMENTATION", "redis")));

        assertTrue(e.getMessage().startsWith("Unknown push implementation 'redis' in "), e.getMessage());
        assertTrue(e.getMessage().contains("Available for push: cyclic, fake."), e.getMessage());
    }

    @Test
    void aCamelCaseKeyIsWrittenInUpperSnakeCase() {
        try (Thywill thywill = SettingsFile.allFake().set("clientInterface", "someKey", "written")
                .start(home, Map.of("THYWILL_CLIENT_INTERFACE_SOME_KEY", "overridden"))) {
            assertEquals("overridden", SettingsValidationTest.settings(thywill, ClientInterface.class).someKey());
        }
    }

    @Test
    void aListIsWrittenCommaSeparated() {
        try (Thywill thywill = SettingsFile.allFake().set("log", "tags", "[written]")
                .start(home, Map.of("THYWILL_LOG_TAGS", "a, b,,c "))) {
            assertEquals(List.of("a", "b", "c"), SettingsValidationTest.settings(thywill, Log.class).tags());
        }
    }

    @Test
    void durationsAndBooleansAreReadFromText() {
        try (Thywill thywill = SettingsFile.allFake().start(home,
                Map.of("THYWILL_PUSH_TIMEOUT", "250ms", "THYWILL_PUSH_FAIL_ON_OPEN", "true"))) {
            assertEquals(Duration.ofMillis(250), SettingsValidationTest.settings(thywill, Push.class).timeout());
            assertTrue(SettingsValidationTest.settings(thywill, Push.class).failOnOpen());
        }
    }

    @Test
    void variablesOfOtherSectionsAndOtherProgramsAreLeftAlone() {
        try (Thywill thywill = SettingsFile.allFake().start(home,
                Map.of("THYWILL_LOG_SIZE", "4", "THYWILL_HOME", "/opt/thywill", "SIZE", "5"))) {
            assertEquals(4, SettingsValidationTest.settings(thywill, Log.class).size());
            assertEquals(1, SettingsValidationTest.settings(thywill, Push.class).size());
        }
    }

    @Test
    void variableNamesFollowTheSectionAndKey() {
        assertEquals("THYWILL_SERVER_PORT", EnvironmentOverrides.variableName("server", "port"));
        assertEquals("THYWILL_CLIENT_INTERFACE_MAX_INTERVAL",
                EnvironmentOverrides.variableName("clientInterface", "maxInterval"));
    }

    @Test
    void variablesThatMatchNoKeyAreReportedForAWarning() {
        EnvironmentOverrides env = new EnvironmentOverrides(Map.of(
                "THYWILL_SERVER_PROT", "1", "THYWILL_SERVER_PORT", "2", "THYWILL_HOME", "/x", "PATH", "/bin"));

        assertEquals(List.of("THYWILL_SERVER_PROT"),
                env.unmatched(List.of("server", "log"), "THYWILL_SERVER_PORT"::equals));
    }
}
