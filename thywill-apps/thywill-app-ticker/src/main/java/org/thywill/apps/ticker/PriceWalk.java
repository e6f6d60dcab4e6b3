package org.thywill.apps.ticker;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Made-up share prices that wander at random: each call moves the next symbol in turn by a small random step.
 * Prices are in cents' precision and never fall below {@value #FLOOR}. Not thread-safe: one task owns it.
 */
final class PriceWalk {

    /** The lowest price a share can fall to. */
    static final double FLOOR = 1.0;

    /** The largest step, as a fraction of the price. */
    private static final double STEP = 0.02;

    private final RandomGenerator random;
    private final Map<String, Double> prices = new LinkedHashMap<>();
    private final List<String> symbols;
    private int next;
    private long lastAt = Long.MIN_VALUE;

    /**
     * @param opening each symbol and its opening price, in the order they take turns
     * @param random the source of the steps
     */
    PriceWalk(Map<String, Double> opening, RandomGenerator random) {
        this.random = random;
        this.prices.putAll(opening);
        this.symbols = List.copyOf(opening.keySet());
    }

    /**
     * @param now the time, in milliseconds since the epoch
     * @return the next symbol's new price; {@code at} grows with each call even if the clock steps back
     */
    PriceRow step(long now) {
        String symbol = symbols.get(next);
        next = (next + 1) % symbols.size();
        double before = prices.get(symbol);
        double after = Math.max(FLOOR, cents(before * (1 + STEP * (2 * random.nextDouble() - 1))));
        prices.put(symbol, after);
        lastAt = Math.max(now, lastAt + 1);
        return new PriceRow(symbol, after, cents(after - before), lastAt);
    }

    private static double cents(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
