package org.thywill.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.thywill.benchmark.report.Report;
import picocli.CommandLine;

/** The command line and the report's JSON form. */
class RunOptionsTest {

    @Test
    void readsDurationsInTheirUnits() {
        RunSettings settings = RunOptions.parse("--ramp", "500ms", "--hold=2m", "--warmup", "7")
                .settings(java.net.URI.create("http://127.0.0.1:1"));
        assertEquals(Duration.ofMillis(500), settings.ramp());
        assertEquals(Duration.ofMinutes(2), settings.hold());
        assertEquals(Duration.ofSeconds(7), settings.warmup());
        CommandLine.ParameterException unreadable = assertThrows(CommandLine.ParameterException.class,
                () -> RunOptions.parse("--ramp", "soon"));
        assertTrue(unreadable.getMessage().contains("--ramp") && unreadable.getMessage().contains("10s"),
                unreadable.getMessage());
    }

    @Test
    void refusesValuesOutOfBoundsWithTheOptionsName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RunOptions.parse("--clients", "50000", "--url", "http://127.0.0.1:1").settings(null));
        assertTrue(e.getMessage().contains("--clients"), e.getMessage());
        StringWriter err = new StringWriter();
        CommandLine main = new CommandLine(new RunOptions()).setErr(new PrintWriter(err));
        assertEquals(2, main.execute("--client", "5"), "a mistyped option is a usage error");
        assertTrue(err.toString().contains("--clients"), "the error suggests the option meant: " + err);
    }

    @Test
    void scenarioDefaultsFollowTheScenario() {
        RunSettings echo = RunOptions.parse("--clients", "300", "--url", "http://127.0.0.1:1").settings(null);
        assertEquals(300, echo.rate(), "one round trip per client per second");
        RunSettings rooms = RunOptions.parse("--scenario", "rooms", "--rooms", "5",
                "--url", "http://127.0.0.1:1").settings(null);
        assertEquals(50, rooms.rate(), "ten messages per room per second");
    }

    @Test
    void reportSurvivesItsJsonFormAndToleratesMissingFields() {
        Report report = new Report("thywill", "echo", "websocket", 10, 9, 3.0, 30, 29, 10, 10, 9.7, 1, 2, 3, 4, 5,
                0, 1, 1, 0, 30, 2, 3, 2.5, 12.0, 30.0, 0.01, 40, 20.5, 900);
        assertEquals(report, Report.fromMap(report.toMap()));
        Report partial = Report.fromMap(Map.of("server", "socketio", "received", 5));
        assertEquals(5, partial.received());
        assertEquals(-1, partial.p99());
    }
}
