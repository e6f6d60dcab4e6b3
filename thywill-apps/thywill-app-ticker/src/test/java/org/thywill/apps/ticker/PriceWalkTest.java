package org.thywill.apps.ticker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The made-up prices: symbols in turn, changes that add up, and a floor. */
class PriceWalkTest {

    @Test
    void symbolsTakeTurnsAndEachChangeIsTheMoveSinceThatSymbolsLastRow() {
        Map<String, Double> opening = new LinkedHashMap<>();
        opening.put("AAA", 10.0);
        opening.put("BBB", 500.0);
        PriceWalk walk = new PriceWalk(opening, new Random(7));
        Map<String, Double> last = new HashMap<>(opening);
        for (int i = 0; i < 200; i++) {
            PriceRow row = walk.step(1000L + i);
            assertEquals(List.of("AAA", "BBB").get(i % 2), row.symbol());
            assertEquals(row.price() - last.get(row.symbol()), row.change(), 0.005, () -> "Row " + row);
            assertEquals(row.price(), Math.round(row.price() * 100) / 100.0, 1e-9, "Cents: " + row);
            assertTrue(Math.abs(row.change()) <= last.get(row.symbol()) * 0.02 + 0.01, () -> "Too big a step: " + row);
            last.put(row.symbol(), row.price());
        }
    }

    @Test
    void aPriceNeverFallsBelowTheFloor() {
        PriceWalk walk = new PriceWalk(Map.of("LOW", 1.0), new Random(1));
        for (int i = 0; i < 500; i++) {
            assertTrue(walk.step(i).price() >= PriceWalk.FLOOR);
        }
    }

    @Test
    void timeOnlyMovesForwardEvenIfTheClockStepsBack() {
        PriceWalk walk = new PriceWalk(Map.of("X", 5.0), new Random(3));
        assertEquals(5000, walk.step(5000).at());
        assertEquals(5001, walk.step(4000).at());
        assertEquals(6000, walk.step(6000).at());
    }
}
