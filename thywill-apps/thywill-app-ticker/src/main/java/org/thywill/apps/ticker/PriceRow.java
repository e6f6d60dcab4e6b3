package org.thywill.apps.ticker;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One price, as the table shows it.
 *
 * @param symbol the made-up share's symbol
 * @param price its new price
 * @param change how far it moved since its last row
 * @param at when, in milliseconds since the epoch
 */
record PriceRow(String symbol, double price, double change, long at) {

    /** @return {@code {"symbol": ..., "price": ..., "change": ..., "at": ...}} */
    Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("symbol", symbol);
        json.put("price", price);
        json.put("change", change);
        json.put("at", at);
        return json;
    }
}
