package org.thywill.benchmark.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SendLanesTest {

    @Test
    void aClientAlwaysGetsTheSameLaneAndConsecutiveClientsUseEveryLane() {
        Set<Integer> used = new HashSet<>();
        for (int key = -10; key < 10; key++) {
            int lane = SendLanes.lane(key, 4);
            assertTrue(lane >= 0 && lane < 4, "lane " + lane + " of key " + key);
            assertEquals(lane, SendLanes.lane(key, 4), "the same key, the same lane");
            used.add(lane);
        }
        assertEquals(Set.of(0, 1, 2, 3), used);
        assertEquals(0, SendLanes.lane(Integer.MIN_VALUE, 4));
    }

    @Test
    void eachClientsSendsRunInTheOrderOfferedAndOffThePacingThread() {
        int clients = 50;
        int each = 100;
        List<List<Integer>> seen = new ArrayList<>();
        IntStream.range(0, clients).forEach(c -> seen.add(new ArrayList<>()));
        Set<String> senders = ConcurrentHashMap.newKeySet();
        try (SendLanes lanes = new SendLanes(4, clients * each)) {
            for (int n = 0; n < each; n++) {
                for (int c = 0; c < clients; c++) {
                    int client = c;
                    int count = n;
                    assertTrue(lanes.offer(client, () -> {
                        senders.add(Thread.currentThread().getName());
                        // Only this client's lane touches its list; the lane's queue orders the writes.
                        seen.get(client).add(count);
                    }));
                }
            }
        }
        List<Integer> inOrder = IntStream.range(0, each).boxed().toList();
        for (int c = 0; c < clients; c++) {
            assertEquals(inOrder, seen.get(c), "client " + c + "'s sends");
        }
        assertFalse(senders.contains(Thread.currentThread().getName()), "the offering thread sent: " + senders);
        assertTrue(senders.size() > 1 && senders.size() <= 4, "sends run on the lanes: " + senders);
    }

    @Test
    void aFullLaneRefusesTheSendAndCountsItRatherThanQueueingWithoutBound() throws InterruptedException {
        CountDownLatch release = new CountDownLatch(1);
        List<String> made = new ArrayList<>();
        try (SendLanes lanes = new SendLanes(1, 1)) {
            // The lane's thread takes the first send, the backlog of one holds the second, the third finds it full.
            assertTrue(lanes.offer(7, () -> await(release, made, "first")));
            assertTrue(lanes.offer(7, () -> made.add("second")));
            assertFalse(lanes.offer(7, () -> made.add("third")));
            assertEquals(1, lanes.refused());
            release.countDown();
        }
        assertEquals(List.of("first", "second"), made);
    }

    @Test
    void aLaneNeedsAThreadAndABacklog() {
        assertThrows(IllegalArgumentException.class, () -> new SendLanes(0, 10));
        assertThrows(IllegalArgumentException.class, () -> new SendLanes(4, 0));
    }

    private static void await(CountDownLatch latch, List<String> made, String name) {
        try {
            latch.await();
            made.add(name);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
