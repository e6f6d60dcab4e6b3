package org.thywill.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
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
@ExtendWith(Journal.Cleared.class)
class SettingsValidationTest {

    @TempDir
    Path home;

    private String failure(SettingsFile settings) {
        ThywillException e = assertThrows(ThywillException.class, () -> settings.start(home));
        assertEquals(List.of(), Journal.events(), "nothing may start when the settings are wrong");
        return e.getMessage();
    }

    private String file() {
        return home.resolve("thywill.yml").toString();
    }

    /** A wrong value in a section, and the message it stops start-up with ({@code FILE} is the file's path). */
    record WrongValue(String behaviour, String section, String key, String value, String message, boolean whole) {

        @Override
        public String toString() {
            return behaviour;
        }
    }

    private static WrongValue whole(String behaviour, String section, String key, String value, String message) {
        return new WrongValue(behaviour, section, key, value, message, true);
    }

    private static WrongValue start(String behaviour, String section, String key, String value, String message) {
        return new WrongValue(behaviour, section, key, value, message, false);
    }

    static Stream<WrongValue> wrongValues() {
        return Stream.of(
                whole("an unknown implementation lists the names available for its slot",
                        "clientInterface", "implementation", "jetty",
                        "Unknown clientInterface implementation 'jetty' in FILE. Available for clientInterface: "
                        + "cyclic, dependent, fake. Set 'clientInterface.implementation' to one of them."),
                whole("an implementation that is not text is rejected",
                        "log", "implementation", "[fake]",
                        "Setting 'log.implementation' in FILE must name an implementation. Available for log: "
                        + "broken, fake."),
                whole("an unknown key is named with its section and file and the valid keys are listed",
                        "push", "sise", "3",
                        "Unknown setting 'push.sise' in FILE. The keys of this section are: implementation, "
                        + "size, timeout, failOnStart, failOnOpen, tags, someKey. Remove it or correct its "
                        + "spelling."),
                whole("an unknown key in the server section lists only the server keys",
                        "server", "prot", "8080",
                        "Unknown setting 'server.prot' in FILE. The keys of this section are: host, port, "
                        + "shutdownTimeout, metrics, admin, adminToken, trustedProxies. Remove it or correct its "
                        + "spelling."),
                whole("a shutdown timeout under one second is refused",
                        "server", "shutdownTimeout", "500ms",
                        "Setting 'server.shutdownTimeout' in FILE: must be at least 1s, not 500ms. Change it in "
                        + "that file."),
                whole("text where a whole number belongs says so",
                        "server", "port", "abc",
                        "Setting 'server.port' in FILE must be a whole number but is 'abc'. Change it in that "
                        + "file."),
                start("a fraction where a whole number belongs is rejected rather than truncated",
                        "server", "port", "8080.5",
                        "Setting 'server.port' in FILE must be a whole number"),
                whole("a port out of range names server port and the range",
                        "server", "port", "70000",
                        "Setting 'server.port' in FILE: must be between 0 and 65535, not 70000. Change it in "
                        + "that file."),
                whole("a component's own range check names its section and key",
                        "database", "size", "0",
                        "Setting 'database.size' in FILE: must be between 1 and 100, not 0. Change it in that "
                        + "file."),
                whole("a boolean that is not true or false says so",
                        "log", "failOnStart", "maybe",
                        "Setting 'log.failOnStart' in FILE must be true or false but is 'maybe'. Change it in "
                        + "that file."),
                start("a single value where a list belongs says so",
                        "log", "tags", "solo",
                        "Setting 'log.tags' in FILE must be a list"),
                whole("a duration that is not one is rejected with the forms that work",
                        "push", "timeout", "soon",
                        "Setting 'push.timeout' in FILE must be a duration such as 250ms, 10s, 5m or 1h but is "
                        + "'soon'. Change it in that file."),
                whole("an unknown section is rejected with the sections that exist",
                        "databse", "size", "3",
                        "Unknown section 'databse' in FILE. The sections are: server, log, database, "
                        + "authentication, clientInterface, push, application."));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wrongValues")
    void aWrongValueStopsStartUpWithAMessageNamingWhatToChange(WrongValue wrong) {
        String message = failure(SettingsFile.allFake().set(wrong.section(), wrong.key(), wrong.value()));

        String expected = wrong.message().replace("FILE", file());
        if (wrong.whole()) {
            assertEquals(expected, message);
        } else {
            assertTrue(message.startsWith(expected), message);
        }
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

    @ParameterizedTest(name = "{0}")
    @CsvSource({"10s, 10000", "250ms, 250", "5m, 300000", "1h, 3600000", "PT5S, 5000", "1500, 1500"})
    void durationsBindFromTheUsualForms(String written, long millis) {
        try (Thywill thywill = SettingsFile.allFake().set("push", "timeout", written).start(home)) {
            assertEquals(Duration.ofMillis(millis), settings(thywill, Push.class).timeout());
        }
    }

    @Test
    void absentKeysTakeTheRecordsDefaults() {
        try (Thywill thywill = SettingsFile.allFake().start(home)) {
            assertEquals(new FakeSettings(1, Duration.ofSeconds(30), false, false, List.of(), ""),
                    settings(thywill, Log.class));
        }
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
