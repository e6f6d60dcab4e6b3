package org.thywill.database.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SessionIdsTest {

    private final SessionIds ids = new SessionIds(new SecureRandom());

    @Test
    void idsAre32RandomBytesInUnpaddedBase64Url() {
        String id = ids.next();
        assertEquals(43, id.length());
        assertEquals(32, Base64.getUrlDecoder().decode(id).length);
        assertTrue(SessionIds.isWellFormed(id), id);
    }

    @Test
    void idsDoNotRepeat() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            assertTrue(seen.add(ids.next()));
        }
    }

    @Test
    void candidatesOfAnotherShapeAreRefused() {
        assertFalse(SessionIds.isWellFormed(null));
        assertFalse(SessionIds.isWellFormed(""));
        assertFalse(SessionIds.isWellFormed("short"));
        assertFalse(SessionIds.isWellFormed(ids.next() + "A"));
        assertFalse(SessionIds.isWellFormed("x".repeat(100_000)));
        assertFalse(SessionIds.isWellFormed("' OR '1'='1' -- " + "a".repeat(27)));
        assertFalse(SessionIds.isWellFormed("+/" + "a".repeat(41)));
    }
}
