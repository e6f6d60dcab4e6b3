package org.thywill.benchmark.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReportFormatTest {

    private static Report offered(double asked, double sent) {
        return Report.fromMap(Map.of("server", "thywill", "scenario", "echo", "transport", "long-polling",
                "askedPerSecond", asked, "sentPerSecond", sent));
    }

    @Test
    void aRunThatSentLessThanNinetyFivePercentOfTheAskedRateSaysSoFirst() {
        Report behind = offered(1000, 486);
        assertTrue(behind.fellBehind());
        String text = ReportFormat.text(behind);
        assertTrue(text.startsWith("WARNING: thywill sent 486.0 messages/s, 49% of the 1,000/s asked"), text);
        assertTrue(text.contains("sent 486.0/s (-1) of 1,000/s asked"), text);
        assertTrue(ComparisonTable.markdown(List.of(behind)).contains("WARNING: thywill sent 486.0"),
                "the comparison table repeats the warning");
    }

    @Test
    void aRunAtTheAskedRateOrWithNoneAskedHasNoWarning() {
        assertFalse(offered(1000, 950).fellBehind(), "95% is enough");
        assertFalse(offered(1000, 1063).fellBehind());
        assertFalse(offered(-1, 12).fellBehind(), "echo at rate 0 and the connect storm ask for no rate");
        assertEquals("", ReportFormat.shortfall(offered(1000, 999)));
        assertFalse(ReportFormat.text(offered(1000, 999)).contains("WARNING"));
        assertTrue(ReportFormat.text(offered(-1, 12)).contains("sent 12.0/s (-1), no rate asked"));
    }
}
