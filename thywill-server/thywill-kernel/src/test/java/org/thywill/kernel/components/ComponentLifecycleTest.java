package org.thywill.kernel.components;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.thywill.api.Component;
import org.thywill.api.Slot;
import org.thywill.api.ThywillException;

/** Start in order, stop in reverse, and leave nothing running after a failed start. */
class ComponentLifecycleTest {

    private final List<String> events = new ArrayList<>();

    private ChosenComponent component(Slot slot, Exception startFailure, RuntimeException stopFailure) {
        return new ChosenComponent(slot, "test", new Component() {
            @Override
            public void start() throws Exception {
                events.add("start " + slot.key());
                if (startFailure != null) {
                    throw startFailure;
                }
            }

            @Override
            public void stop() {
                events.add("stop " + slot.key());
                if (stopFailure != null) {
                    throw stopFailure;
                }
            }
        });
    }

    private ChosenComponent component(Slot slot) {
        return component(slot, null, null);
    }

    @Test
    void startsInOrderAndStopsInReverse() {
        ComponentLifecycle lifecycle = new ComponentLifecycle();
        lifecycle.start(List.of(component(Slot.LOG), component(Slot.DATABASE), component(Slot.PUSH)));
        assertEquals(3, lifecycle.running());

        lifecycle.stop();

        assertEquals(List.of("start log", "start database", "start push", "stop push", "stop database", "stop log"),
                events);
        assertEquals(0, lifecycle.running());
    }

    @Test
    void whenTheThirdFailsToStartTheFirstTwoStopInReverseAndNothingRuns() {
        ComponentLifecycle lifecycle = new ComponentLifecycle();
        Exception cause = new java.io.IOException("disk full");

        ThywillException e = assertThrows(ThywillException.class, () -> lifecycle.start(List.of(
                component(Slot.LOG), component(Slot.DATABASE), component(Slot.PUSH, cause, null),
                component(Slot.APPLICATION))));

        assertEquals(List.of("start log", "start database", "start push", "stop database", "stop log"), events);
        assertEquals(0, lifecycle.running());
        assertEquals("The push 'test' component failed to start: java.io.IOException: disk full", e.getMessage());
        assertSame(cause, e.getCause());
    }

    @Test
    void aThywillExceptionsMessageIsKeptWithoutItsClassName() {
        ComponentLifecycle lifecycle = new ComponentLifecycle();

        ThywillException e = assertThrows(ThywillException.class, () -> lifecycle.start(List.of(
                component(Slot.DATABASE, new ThywillException("Cannot reach MySQL at db:3306."), null))));

        assertEquals("The database 'test' component failed to start: Cannot reach MySQL at db:3306.",
                e.getMessage());
    }

    @Test
    void aComponentThatFailsToStopDoesNotKeepTheOthersRunning() {
        ComponentLifecycle lifecycle = new ComponentLifecycle();
        lifecycle.start(List.of(component(Slot.LOG), component(Slot.DATABASE, null, new IllegalStateException("x")),
                component(Slot.PUSH)));

        lifecycle.stop();

        assertEquals(List.of("start log", "start database", "start push", "stop push", "stop database", "stop log"),
                events);
        assertEquals(0, lifecycle.running());
    }
}
