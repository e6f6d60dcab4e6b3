package org.thywill.log.logback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.thywill.api.SettingsException;

class LogbackSettingsTest {

    @Test
    void absentKeysTakeTheDocumentedDefaults() {
        LogbackSettings settings = LogbackSettings.defaults();
        assertEquals("INFO", settings.level());
        assertEquals("logs/thywill.log", settings.file());
        assertTrue(settings.console());
        assertEquals("10MB", settings.maxFileSize());
        assertEquals(5, settings.maxHistory());
        assertEquals("1GB", settings.totalSizeCap());
        assertEquals(10, settings.clientErrorsPerMinute());
        assertTrue(settings.writesFile());
    }

    @Test
    void totalSizeCapMustBeASize() {
        SettingsException e = assertThrows(SettingsException.class,
                () -> new LogbackSettings(null, null, null, null, null, "lots", null, null));
        assertTrue(e.getMessage().contains("totalSizeCap"), e.getMessage());
        assertEquals("500MB", new LogbackSettings(null, null, null, null, null, "500MB", null, null).totalSizeCap());
    }

    @Test
    void levelIsCaseInsensitiveAndNormalisedToUpperCase() {
        assertEquals("DEBUG", new LogbackSettings("debug", null, null, null, null, null, null, null).level());
        assertEquals("OFF", new LogbackSettings(" Off ", null, null, null, null, null, null, null).level());
    }

    @Test
    void unknownLevelIsRejectedWithTheAllowedOnesListed() {
        SettingsException e = assertThrows(SettingsException.class,
                () -> new LogbackSettings("verbose", null, null, null, null, null, null, null));
        assertEquals("level", e.key());
        assertTrue(e.getMessage().contains("TRACE, DEBUG, INFO, WARN, ERROR, OFF"), e.getMessage());
        assertTrue(e.getMessage().contains("VERBOSE"), e.getMessage());
    }

    @Test
    void emptyFileMeansNoFile() {
        assertFalse(new LogbackSettings(null, "", null, null, null, null, null, null).writesFile());
    }

    @Test
    void unreadableMaxFileSizeIsRejected() {
        SettingsException e = assertThrows(SettingsException.class,
                () -> new LogbackSettings(null, null, null, "ten megs", null, null, null, null));
        assertEquals("maxFileSize", e.key());
        assertTrue(e.getMessage().contains("10MB"), e.getMessage());
        assertEquals("500KB", new LogbackSettings(null, null, null, "500KB", null, null, null, null).maxFileSize());
    }

    @Test
    void negativeMaxHistoryIsRejected() {
        SettingsException e = assertThrows(SettingsException.class,
                () -> new LogbackSettings(null, null, null, null, -1, null, null, null));
        assertEquals("maxHistory", e.key());
        assertTrue(e.getMessage().contains("-1"), e.getMessage());
        assertEquals(0, new LogbackSettings(null, null, null, null, 0, null, null, null).maxHistory());
    }

    @Test
    void negativeClientErrorsPerMinuteIsRejected() {
        SettingsException e = assertThrows(SettingsException.class,
                () -> new LogbackSettings(null, null, null, null, null, null, -3, null));
        assertEquals("clientErrorsPerMinute", e.key());
        assertEquals(0, new LogbackSettings(null, null, null, null, null, null, 0, null).clientErrorsPerMinute());
    }
}
