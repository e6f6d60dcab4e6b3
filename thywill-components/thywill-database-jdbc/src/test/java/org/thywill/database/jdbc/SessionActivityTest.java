package org.thywill.database.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SessionActivityTest {

    @Test
    void aSessionIsDueOncePerIntervalAndForgottenOnceItIsOver() {
        SessionActivity activity = new SessionActivity(1_000);
        assertTrue(activity.due("a", 10_000));
        assertFalse(activity.due("a", 10_999), "within the interval: no second write");
        assertTrue(activity.recent("a", 10_999));
        assertFalse(activity.recent("a", 11_000));
        assertTrue(activity.due("b", 10_500));

        activity.forgetBefore(11_000);
        assertEquals(1, activity.size(), "a's interval is over: nothing to remember it for");
        assertTrue(activity.recent("b", 11_000));
        assertTrue(activity.due("a", 11_000));
    }
}
