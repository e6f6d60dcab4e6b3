package org.thywill.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.thywill.api.Component;
import org.thywill.api.ThywillException;
import org.thywill.api.log.Log;
import org.thywill.api.push.Push;
import org.thywill.kernel.fake.FakeSettings;
import org.thywill.kernel.fake.Journal;
import org.thywill.kernel.settings.InvalidSettingsException;
import org.thywill.kernel.settings.SettingsProblem;
import org.thywill.kernel.settings.SettingsTree;

/** Every mistake in a settings file stops start-up with a message naming what to change, and nothing starts. */
class SettingsValidationTest {

    @TempDir
    Path home;

    @BeforeEach
    void clearJournal() {
        Journal.clear();
    }

    private String failure(SettingsFile settings) {
        ThywillException e = assertThrows(ThywillException.class, () -> settings.start(home));
        assertEquals(List.of(), Journal.events(), "nothing may start when the settings are wrong");
        return e.getMessage();
    }

    private String file() {
        return home.resolve("thywill.yml").toString();
    }

    @Test
    void anUnknownImplementationListsTheNamesAvailableForItsSlot() {
        String message = failure(SettingsFile.allFake().set("clientInterface", "implementation", "jetty"));

        assertEquals("Unknown clientInterface implementation 'jetty' in " + file()
                + ". Available for clientInterface: cyclic, dependent, fake."
                + " Set 'clientInterface.implementation' to one of them.", message);
    }

    @Test
    void aSlotLeftToItsDefaultImplementationThatIsNotInstalledNamesTheDefaultAndTheAlternatives() {
        SettingsFile settings = SettingsFile.allFake();
        String yaml = settings.yaml().replace("database:\n  implementation: fake\n", "");
        ThywillException e = assertThrows(ThywillException.class,
                () -> Thywill.start(ThywillSettings.fromFile(SettingsFile.write(home, yaml), home, Map.of())));

        assertTrue(e.getMessage().startsWith("Unknown database implementation 'h2' in " + file()
                + ". Available for database: fake."), e.getMessage());
    }

    @Test
    void anImplementationThatIsNotTextIsRejected() {
        String message = failure(SettingsFile.allFake().set("log", "implementation", "[fake]"));

        assertEquals("Setting 'log.implementation' in " + file() + " must name an implementation."
                + " Available for log: broken, fake.", message);
    }

    @Test
    void anUnknownKeyIsNamedWithItsSectionAndFileAndTheValidKeysAreListed() {
        String message = failure(SettingsFile.allFake().set("push", "sise", "3"));

        assertEquals("Unknown setting 'push.sise' in " + file() + ". The keys of this section are: implementation,"
                + " size, timeout, failOnStart, failOnOpen, tags, someKey. Remove it or correct its spelling.", message);
    }

    @Test
    void anUnknownKeyInTheServerSectionListsOnlyTheServerKeys() {
        String message = failure(SettingsFile.allFake().set("server", "prot", "8080"));

        assertEquals("Unknown setting 'server.prot' in " + file() + ". The keys of this section are: host, port,"
                + " shutdownTimeout, metrics, admin, adminToken, trustedProxies. Remove it or correct its spelling.", message);
    }

    @Test
    void aShutdownTimeoutUnderOneSecondIsRefused() {
        String message = failure(SettingsFile.allFake().set("server", "shutdownTimeout", "500ms"));

        assertEquals("Setting 'server.shutdownTimeout' in " + file() + ": must be at least 1s, not 500ms."
                + " Change it in that file.", message);
    }

    @Test
    void textWhereAWholeNumberBelongsSaysSo() {
        String message = failure(SettingsFile.allFake().set("server", "port", "abc"));

        assertEquals("Setting 'server.port' in " + file() + " must be a whole number but is 'abc'."
                + " Change it in that file.", message);
    }

    @Test
    void everyBadValueOfTheFileIsReportedAtOnceEachWithWhatToChange() {
        InvalidSettingsException e = assertThrows(InvalidSettingsException.class, () -> SettingsFile.allFake()
                .set("server", "port", "abc").set("database", "size", "0").set("push", "sise", "3").start(home));
        assertEquals(List.of(), Journal.events(), "nothing may start when the settings are wrong");

        assertEquals(List.of("server.port", "push.sise", "database.size"), e.problems().stream()
                .map(p -> p.section() + "." + p.key()).toList(), "the server first, then the slots in their order");
        assertEquals(List.of(SettingsProblem.Kind.WRONG_TYPE, SettingsProblem.Kind.UNKNOWN_KEY,
                SettingsProblem.Kind.BAD_VALUE), e.problems().stream().map(SettingsProblem::kind).toList());
        assertEquals("Setting 'server.port' in " + file() + " must be a whole number but is 'abc'."
                + " Change it in that file. Unknown setting 'push.sise' in " + file() + ". The keys of this"
                + " section are: implementation, size, timeout, failOnStart, failOnOpen, tags, someKey. Remove it or"
                + " correct its spelling. Setting 'database.size' in " + file() + ": must be between 1 and 100,"
                + " not 0. Change it in that file.", e.getMessage());
    }

    @Test
    void aFractionWhereAWholeNumberBelongsIsRejectedRatherThanTruncated() {
        String message = failure(SettingsFile.allFake().set("server", "port", "8080.5"));

        assertTrue(message.startsWith("Setting 'server.port' in " + file() + " must be a whole number"), message);
    }

    @Test
    void aPortOutOfRangeNamesServerPortAndTheRange() {
        String message = failure(SettingsFile.allFake().set("server", "port", "70000"));

        assertEquals("Setting 'server.port' in " + file() + ": must be between 0 and 65535, not 70000."
                + " Change it in that file.", message);
    }

    @Test
    void aComponentsOwnRangeCheckNamesItsSectionAndKey() {
        String message = failure(SettingsFile.allFake().set("database", "size", "0"));

        assertEquals("Setting 'database.size' in " + file() + ": must be between 1 and 100, not 0."
                + " Change it in that file.", message);
    }

    @Test
    void aBooleanThatIsNotTrueOrFalseSaysSo() {
        String message = failure(SettingsFile.allFake().set("log", "failOnStart", "maybe"));

        assertEquals("Setting 'log.failOnStart' in " + file() + " must be true or false but is 'maybe'."
                + " Change it in that file.", message);
    }

    @Test
    void aSingleValueWhereAListBelongsSaysSo() {
        String message = failure(SettingsFile.allFake().set("log", "tags", "solo"));

        assertTrue(message.startsWith("Setting 'log.tags' in " + file() + " must be a list"), message);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"10s, 10000", "250ms, 250", "5m, 300000", "1h, 3600000", "PT5S, 5000", "1500, 1500"})
    void durationsBindFromTheUsualForms(String written, long millis) {
        try (Thywill thywill = SettingsFile.allFake().set("push", "timeout", written).start(home)) {
            assertEquals(Duration.ofMillis(millis), settings(thywill, Push.class).timeout());
        }
    }

    @Test
    void aDurationThatIsNotOneIsRejectedWithTheFormsThatWork() {
        String message = failure(SettingsFile.allFake().set("push", "timeout", "soon"));

        assertEquals("Setting 'push.timeout' in " + file() + " must be a duration such as 250ms, 10s, 5m or 1h"
                + " but is 'soon'. Change it in that file.", message);
    }

    @Test
    void absentKeysTakeTheRecordsDefaults() {
        try (Thywill thywill = SettingsFile.allFake().start(home)) {
            assertEquals(new FakeSettings(1, Duration.ofSeconds(30), false, false, List.of(), ""),
                    settings(thywill, Log.class));
        }
    }

    @Test
    void anUnknownSectionIsRejectedWithTheSectionsThatExist() {
        String message = failure(SettingsFile.allFake().set("databse", "size", "3"));

        assertEquals("Unknown section 'databse' in " + file()
                + ". The sections are: server, log, database, authentication, clientInterface, push, application.",
                message);
    }

    @Test
    void aMissingFileIsNamedWithWhatToDo() {
        Path missing = home.resolve("nope.yml");
        ThywillException e = assertThrows(ThywillException.class,
                () -> ThywillSettings.fromFile(missing, home, Map.of()));

        assertEquals("The settings file " + missing + " does not exist. Give the path of a settings file on the"
                + " command line (for example config/thywill.yml), or create it.", e.getMessage());
    }

    @Test
    void invalidYamlNamesTheLine() {
        Path file = SettingsFile.write(home, "server:\n  port: 8080\n bad: indent\n");
        ThywillException e = assertThrows(ThywillException.class, () -> SettingsTree.read(file));

        assertTrue(e.getMessage().startsWith("The settings file " + file + " is not valid YAML: "), e.getMessage());
        assertTrue(e.getMessage().endsWith(" (line 3). Fix the syntax there."), e.getMessage());
    }

    @Test
    void aSectionThatIsASingleValueIsRejected() {
        Path file = SettingsFile.write(home, "server: 8080\n");
        ThywillException e = assertThrows(ThywillException.class, () -> SettingsTree.read(file));

        assertEquals("The section 'server' in " + file + " must hold keys (such as 'implementation: ...'), not the"
                + " single value '8080'.", e.getMessage());
    }

    @Test
    void aFileOfOnlyCommentsIsEmptySettingsNotInvalidYaml() {
        Path file = SettingsFile.write(home, "# every key left at its default\n");

        SettingsTree tree = SettingsTree.read(file);

        assertTrue(tree.sectionNames().isEmpty(), tree.sectionNames().toString());
        assertEquals(file.toString(), tree.source());
    }

    @Test
    void anEmptyFileIsEmptySettings() {
        Path file = SettingsFile.write(home, "");

        assertTrue(SettingsTree.read(file).sectionNames().isEmpty());
    }

    @Test
    void aStackTraceIsNotNeededToFindTheProblem() {
        String message = failure(SettingsFile.allFake().set("server", "port", "abc"));

        assertFalse(message.contains("com.fasterxml"), message);
        assertFalse(message.contains("\n"), message);
    }

    static FakeSettings settings(Thywill thywill, Class<? extends Component> type) {
        return ThywillStartTest.fake(thywill, type).settings();
    }
}
