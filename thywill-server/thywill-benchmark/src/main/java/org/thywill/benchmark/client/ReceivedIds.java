package org.thywill.benchmark.client;

import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;

/**
 * The messages one client has received, by id, so that a message delivered twice is counted as a duplicate rather
 * than as a delivery. An id is its sender's index in the high 32 bits and the sender's count in the low ones, so a
 * bit per message and sender is all it takes.
 */
final class ReceivedIds {

    private final Map<Integer, BitSet> bySender = new HashMap<>();

    /**
     * @param sender the sending client's index
     * @param count the sender's count of this message, from 0
     * @return the message's id
     */
    static long id(int sender, int count) {
        return ((long) sender << 32) | (count & 0xFFFF_FFFFL);
    }

    /**
     * @param id a received message's id
     * @return true the first time this client receives it
     */
    synchronized boolean first(long id) {
        BitSet seen = bySender.computeIfAbsent((int) (id >>> 32), s -> new BitSet());
        int count = (int) id;
        if (seen.get(count)) {
            return false;
        }
        seen.set(count);
        return true;
    }
}
