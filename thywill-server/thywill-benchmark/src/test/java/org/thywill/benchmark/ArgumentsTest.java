package org.thywill.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.thywill.benchmark.report.Report;

/** The command line and the report's JSON form. */
class ArgumentsTest {

    @Test
    void readsDurationsInTheirUnits() {
        Arguments args = Arguments.parse("--ramp", "500ms", "--hold=2m", "--warmup", "7");
        assertEquals(Duration.ofMillis(500), args.duration("ramp", Duration.ZERO, Duration.ZERO, Duration.ofHours(1)));
        assertEquals(Duration.ofMinutes(2), args.duration("hold", Duration.ZERO, Duration.ZERO, Duration.ofHours(1)));
        assertEquals(Duration.ofSeconds(7), args.duration("warmup", Duration.ZERO, Duration.ZERO,
                Duration.ofHours(1)));
    }

    @Test
    void refusesValuesOutOfBoundsWithTheOptionsName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RunSettings.from(Arguments.parse("--clients", "50000", "--url", "http://127.0.0.1:1"), null));
        assertTrue(e.getMessage().contains("--clients"), e.getMessage());
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> Arguments.parse("--client", "5").rejectUnknown(Set.of("clients")));
        assertTrue(unknown.getMessage().contains("--clients"), unknown.getMessage());
    }

    @Test
    void scenarioDefaultsFollowTheScenario() {
        RunSettings echo = RunSettings.from(Arguments.parse("--clients", "300", "--url", "http://127.0.0.1:1"), null);
        assertEquals(300, echo.rate(), "one round trip per client per second");
        RunSettings rooms = RunSettings.from(Arguments.parse("--scenario", "rooms", "--rooms", "5",
                "--url", "http://127.0.0.1:1"), null);
        assertEquals(50, rooms.rate(), "ten messages per room per second");
    }

    @Test
    void reportSurvivesItsJsonFormAndToleratesMissingFields() {
        Report report = new Report("thywill", "echo", "websocket", 10, 9, 3.0, 30, 29, 10, 9.7, 1, 2, 3, 4, 5,
                0, 1, 1, 0, 2.5, 12.0, 30.0, 0.01, 40, 20.5, 900);
        assertEquals(report, Report.fromMap(report.toMap()));
        Report partial = Report.fromMap(Map.of("server", "socketio", "received", 5));
        assertEquals(5, partial.received());
        assertEquals(-1, partial.p99());
    }
}
