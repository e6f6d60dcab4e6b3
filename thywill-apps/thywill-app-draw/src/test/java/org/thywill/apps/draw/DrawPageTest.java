package org.thywill.apps.draw;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.interactions.Actions;
import org.thywill.testing.Browser;
import org.thywill.testing.ThywillTestServer;

/** The shared canvas in two headless Chromium browsers: a line drawn with the mouse on one appears on the other. */
class DrawPageTest {

    @AutoClose
    private static ThywillTestServer server;

    @BeforeAll
    static void start() {
        server = ThywillTestServer.withApplications("draw").start();
    }

    @Test
    void aLineDrawnOnOnePageAppearsOnTheOther() {
        try (Browser one = open(); Browser two = open()) {
            assertEquals(List.of(255L, 255L, 255L), pixelAtCentre(two), "The canvas starts white");
            pickColour(one, "#e01010");
            drawThroughTheMiddle(one, -300, 300, 0);
            two.waitFor(d -> received(two) > 0);
            two.waitFor(d -> isRed(pixelAtCentre(two)));
            assertTrue(isRed(pixelAtCentre(one)), "The page drew its own line: " + pixelAtCentre(one));
            assertEquals(0, received(one), "The sender was sent its own strokes back");

            pickColour(two, "#1060e0");
            drawThroughTheMiddle(two, -150, 150, 120);
            one.waitFor(d -> received(one) > 0);
            two.screenshot(Path.of("target", "screenshots", "draw.png"));
        }
    }

    private static Browser open() {
        return Browser.openConnected(server.page("draw"));
    }

    private static void pickColour(Browser page, String colour) {
        script(page, "const c = document.getElementById('color'); c.value = arguments[0];"
                + " c.dispatchEvent(new Event('input'));", colour);
    }

    /**
     * Drags the mouse horizontally through the canvas's middle, pausing so that the line is sent in several pieces.
     *
     * @param from where to start, in CSS pixels left (negative) or right of the middle
     * @param to where to stop, likewise
     * @param below how far below the middle, in CSS pixels
     */
    private static void drawThroughTheMiddle(Browser page, int from, int to, int below) {
        List<?> middle = (List<?>) script(page, "const r = document.getElementById('canvas').getBoundingClientRect();"
                + " return [Math.round(r.left + r.width / 2), Math.round(r.top + r.height / 2),"
                + " r.bottom <= window.innerHeight && r.right <= window.innerWidth];");
        assertEquals(true, middle.get(2), "The whole canvas fits in the window");
        int x = ((Number) middle.get(0)).intValue();
        int y = ((Number) middle.get(1)).intValue() + below;
        Actions actions = new Actions(page.driver()).moveToLocation(x + from, y).clickAndHold();
        int step = (to - from) / 12;
        for (int at = from + step; at <= to; at += step) {
            actions.moveToLocation(x + at, y).pause(Duration.ofMillis(25));
        }
        actions.release().perform();
    }

    private static long received(Browser page) {
        return Long.parseLong((String) script(page, "return document.getElementById('canvas').dataset.received;"));
    }

    /** @return the red, green and blue of the pixel at the middle of the canvas */
    private static List<?> pixelAtCentre(Browser page) {
        return (List<?>) script(page, "const c = document.getElementById('canvas');"
                + " const p = c.getContext('2d').getImageData(c.width / 2, c.height / 2, 1, 1).data;"
                + " return [p[0], p[1], p[2]];");
    }

    private static boolean isRed(List<?> rgb) {
        long r = ((Number) rgb.get(0)).longValue();
        long g = ((Number) rgb.get(1)).longValue();
        long b = ((Number) rgb.get(2)).longValue();
        return r > 200 && g < 60 && b < 60;
    }

    private static Object script(Browser page, String script, Object... args) {
        return ((JavascriptExecutor) page.driver()).executeScript(script, args);
    }
}
