package org.thywill.api.push;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EnvelopeTypeTest {

    @Test
    void everyKindIsReadBackFromTheEnvelopeItBuilds() {
        for (EnvelopeType kind : EnvelopeType.values()) {
            Map<String, Object> envelope = kind.envelope(0);
            assertEquals(Map.of("type", kind.wire()), envelope);
            assertEquals(Optional.of(kind), EnvelopeType.of(envelope));
            assertTrue(kind.is(envelope));
        }
    }

    @Test
    void theProtocolsTypeStringsAreTheDocumentedOnes() {
        assertEquals(Optional.of(EnvelopeType.MESSAGE), EnvelopeType.of(Map.of("type", "message")));
        assertEquals(Optional.of(EnvelopeType.CALL), EnvelopeType.of(Map.of("type", "rpc")));
        assertEquals(Optional.of(EnvelopeType.ACK), EnvelopeType.of(Map.of("type", "ack")));
        assertEquals("rpc-error", EnvelopeType.CALL_ERROR.wire());
    }

    @Test
    void anEnvelopeWithoutAKnownTypeHasNoKind() {
        assertEquals(Optional.empty(), EnvelopeType.of(Map.of("type", "Message")));
        assertEquals(Optional.empty(), EnvelopeType.of(Map.of("type", 1)));
        assertEquals(Optional.empty(), EnvelopeType.of(Map.of("data", "x")));
        assertFalse(EnvelopeType.MESSAGE.is(Map.of("type", "rpc")));
    }

    @Test
    void aShapeForAnErrorMessageIsTheKindsJson() {
        assertEquals("{\"type\":\"message\",\"data\":...}", EnvelopeType.MESSAGE.shape("\"data\":..."));
        assertEquals("{\"type\":\"ack\"}", EnvelopeType.ACK.shape(""));
    }
}
