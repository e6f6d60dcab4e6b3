package org.thywill.server.rpc;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.thywill.api.application.Application;
import org.thywill.api.application.ApplicationDescriptor;
import org.thywill.api.application.Callable;
import org.thywill.api.client.Connection;

/**
 * A test application of callable functions, one for each outcome a caller can see: results now and later, a
 * refused function, failures (thrown, a failed stage, a result that is not JSON, a function that cannot be
 * called) and a stage that never completes. It counts how often each function ran.
 */
public final class RpcProbeApplication implements Application {

    /** What the failing functions throw; it must never reach a client. */
    static final String SECRET = "secret detail that must not reach the client";

    private final Map<String, LongAdder> runs = new ConcurrentHashMap<>();

    @Override
    public ApplicationDescriptor descriptor() {
        return new ApplicationDescriptor("rpc-probe");
    }

    @Override
    public boolean permits(Connection caller, String function) {
        return !function.equals("forbidden");
    }

    private void ran(String function) {
        runs.computeIfAbsent(function, f -> new LongAdder()).increment();
    }

    /**
     * @param function a function's name
     * @return how often it ran
     */
    @Callable
    public long runs(String function) {
        LongAdder count = runs.get(function);
        return count == null ? 0 : count.sum();
    }

    /**
     * @param a a number
     * @param b another
     * @return their sum
     */
    @Callable
    public long add(long a, long b) {
        ran("add");
        return a + b;
    }

    /**
     * @param value any JSON value
     * @return the same
     */
    @Callable
    public Object echo(Object value) {
        return value;
    }

    /**
     * @param caller the calling connection
     * @return its id
     */
    @Callable("whoAmI")
    public String caller(Connection caller) {
        return caller.id().value();
    }

    /**
     * @return the Java types the arguments arrived as, and their values
     */
    @Callable
    public Map<String, Object> types(String s, int i, double d, Boolean b, Map<String, Object> m, List<Long> l) {
        List<Object> values = new ArrayList<>(List.of(s, i, d, b, m, l));
        List<String> types = new ArrayList<>();
        for (Object value : values) {
            types.add(typeName(value));
        }
        l.forEach(item -> types.add(typeName(item)));
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("types", types);
        result.put("values", values);
        return result;
    }

    private static String typeName(Object value) {
        // Which Map and List the transport's parser builds is its own business.
        return value instanceof Map ? "Map" : value instanceof List ? "List" : value.getClass().getSimpleName();
    }

    /** A size, to receive as an enum argument. */
    public enum Size { SMALL, LARGE }

    /**
     * An order, to receive as a record argument.
     *
     * @param item what
     * @param quantity how many
     * @param size which size
     */
    public record Order(String item, int quantity, Size size) {
    }

    /** A note, to receive as a plain object argument. */
    public static final class Note {
        /** Its text. */
        public String text;
        /** Its tags. */
        public List<String> tags;
    }

    /**
     * @param order an order
     * @param sizes sizes
     * @param note a note
     * @return what arrived, as Java saw it
     */
    @Callable
    public String place(Order order, List<Size> sizes, Note note) {
        return order + " " + sizes + " " + note.text + note.tags;
    }

    /** Returns nothing. */
    @Callable
    public void nothing() {
        ran("nothing");
    }

    /** @return never: it throws */
    @Callable
    public String fail() {
        throw new IllegalStateException(SECRET);
    }

    /** @return a stage that fails a little later */
    @Callable
    public CompletionStage<String> failLater() {
        return CompletableFuture.supplyAsync(() -> {
            throw new IllegalStateException(SECRET);
        }, CompletableFuture.delayedExecutor(50, TimeUnit.MILLISECONDS));
    }

    /**
     * @param ms how long to wait
     * @return a stage completing with ms after that long
     */
    @Callable
    public CompletionStage<Long> later(long ms) {
        return CompletableFuture.supplyAsync(() -> ms, CompletableFuture.delayedExecutor(ms, TimeUnit.MILLISECONDS));
    }

    /** @return a stage that never completes */
    @Callable
    public CompletionStage<String> never() {
        return new CompletableFuture<>();
    }

    /** @return something JSON cannot carry */
    @Callable
    public Object notJson() {
        return Map.of("when", Instant.EPOCH);
    }

    /** @return never: {@link #permits} refuses it */
    @Callable
    public String forbidden() {
        ran("forbidden");
        return "ran";
    }

    /**
     * Cannot be called: no JSON value becomes an Instant. Reported in the log when the application starts.
     *
     * @param when a time
     * @return never
     */
    @Callable
    public long broken(Instant when) {
        ran("broken");
        return when.toEpochMilli();
    }
}
