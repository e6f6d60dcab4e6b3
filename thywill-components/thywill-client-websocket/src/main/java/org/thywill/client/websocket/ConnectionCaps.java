package org.thywill.client.websocket;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The caps on connections: in all and per client address. A connection takes a place when its socket opens and
 * gives it back when it closes, whether or not it ever said hello, so that sockets that never speak count too.
 */
final class ConnectionCaps {

    private final int total;
    private final int perAddress;
    private final AtomicInteger open = new AtomicInteger();
    private final Map<String, Integer> byAddress = new ConcurrentHashMap<>();

    /**
     * @param total the most connections at once, 0 for no cap
     * @param perAddress the most from one address, 0 for no cap
     */
    ConnectionCaps(int total, int perAddress) {
        this.total = total;
        this.perAddress = perAddress;
    }

    /**
     * @param address the client's address
     * @return null when it may connect (it then holds a place until {@link #release}), else which cap it met
     */
    String acquire(String address) {
        if (open.incrementAndGet() > total && total > 0) {
            open.decrementAndGet();
            return "maxConnections";
        }
        boolean[] over = {false};
        byAddress.compute(address, (a, count) -> {
            int more = count == null ? 1 : count + 1;
            over[0] = perAddress > 0 && more > perAddress;
            return over[0] ? count : Integer.valueOf(more);
        });
        if (over[0]) {
            open.decrementAndGet();
            return "maxConnectionsPerAddress";
        }
        return null;
    }

    /** @param address the address of a connection that held a place and closed */
    void release(String address) {
        open.decrementAndGet();
        byAddress.computeIfPresent(address, (a, count) -> count <= 1 ? null : count - 1);
    }
}
