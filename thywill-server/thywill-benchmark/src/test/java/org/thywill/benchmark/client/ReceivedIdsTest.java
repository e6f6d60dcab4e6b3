package org.thywill.benchmark.client;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ReceivedIdsTest {

    @Test
    void aMessageReceivedAgainIsADuplicateAndOnlyThat() {
        ReceivedIds received = new ReceivedIds();
        assertTrue(received.first(ReceivedIds.id(3, 0)));
        assertTrue(received.first(ReceivedIds.id(3, 1)));
        assertFalse(received.first(ReceivedIds.id(3, 0)), "the same sender's message 0 again");
        assertTrue(received.first(ReceivedIds.id(4, 0)), "another sender's message 0 is another message");
        assertTrue(received.first(ReceivedIds.id(0, Integer.MAX_VALUE)));
        assertFalse(received.first(ReceivedIds.id(0, Integer.MAX_VALUE)));
    }
}
