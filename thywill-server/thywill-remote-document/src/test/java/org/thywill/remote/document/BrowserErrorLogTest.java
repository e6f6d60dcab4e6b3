package org.thywill.remote.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.thywill.testing.TestClient;
import org.thywill.testing.ThywillTestServer;

/** A page cannot flood the server's log with the operations it says it could not apply. */
class BrowserErrorLogTest {

    /** A handler that keeps the messages of a {@code java.util.logging} logger, where System.Logger writes here. */
    private static final class Captured extends Handler implements AutoCloseable {
        private final Logger logger = Logger.getLogger(DocumentSession.class.getName());
        final List<String> lines = Collections.synchronizedList(new ArrayList<>());

        Captured() {
            logger.addHandler(this);
        }

        @Override
        public void publish(LogRecord record) {
            lines.add(record.getMessage());
        }

        List<String> snapshot() {
            synchronized (lines) {
                return new ArrayList<>(lines);
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
            logger.removeHandler(this);
        }
    }

    @Test
    void aRealServerLogsAFewLinesFor1800ErrorsInOne64KbMessage() throws InterruptedException {
        List<Object> errors = new ArrayList<>();
        for (int i = 0; i < 1800; i++) {
            errors.add(Map.of("operation", "a", "message", "\nF"));
        }
        try (ThywillTestServer server = ThywillTestServer.withApplications("rd-lab").start();
             Captured captured = new Captured();
             TestClient page = TestClient.connect(server, "rd-lab", TestClient.Transport.WEBSOCKET)) {
            assertTrue(page.send(Map.of("domStart", Map.of("path", "/", "query", ""))).isSuccessful());
            assertTrue(page.send(Map.of("domError", errors)).isSuccessful(), "the message is within the size limit");
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (captured.snapshot().stream().noneMatch(l -> l.contains("the rest are counted"))
                    && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            Thread.sleep(500);
            List<String> lines = captured.snapshot();
            assertEquals(BrowserErrorLog.LINES_PER_MINUTE + 1, lines.size(), String.join("\n", lines));
        }
    }

    @Test
    void eighteenHundredErrorsInOneMessageWriteAFewCutLines() {
        List<String> logged;
        try (Captured captured = new Captured();
             DocumentHarness h = new DocumentHarness(routes -> routes.view("/", request -> document -> { }))) {
            h.start("/");
            List<Object> errors = new ArrayList<>();
            for (int i = 0; i < 1800; i++) {
                errors.add(Map.of("operation", "attr", "message", "x".repeat(2000) + "\n12:00:00 ERROR forged " + i));
            }
            h.receive(Map.of("domError", errors));
            logged = captured.snapshot();
        }
        assertEquals(BrowserErrorLog.LINES_PER_MINUTE + 1, logged.size(), String.join("\n", logged));
        assertTrue(logged.stream().allMatch(line -> line.length() < 1000), "a line was not cut");
        assertTrue(logged.get(logged.size() - 1).contains("the rest are counted, not logged"), logged.toString());
    }

    @Test
    void theNextMinuteSaysHowManyWereNotLogged() {
        AtomicLong clock = new AtomicLong(5_000);
        BrowserErrorLog log = new BrowserErrorLog(clock::get);
        List<String> twelve = Collections.nCopies(12, "attr: no element");

        assertEquals(BrowserErrorLog.LINES_PER_MINUTE + 1, log.lines(twelve).size());
        assertEquals(List.of(), log.lines(twelve));
        clock.addAndGet(BrowserErrorLog.WINDOW_MILLIS);
        List<String> next = log.lines(List.of("attr: no element"));
        assertEquals(List.of("14 more operations the browser could not apply were not logged in the last minute"
                + " (at most 10 a minute)", "the browser could not apply attr: no element"), next);
    }
}
