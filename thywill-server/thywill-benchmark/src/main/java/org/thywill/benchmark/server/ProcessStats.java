package org.thywill.benchmark.server;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a server process reports about itself, so that the load generator never counts its own CPU or memory.
 *
 * @param cpuNanos CPU time (user and system) the whole process has used since it started
 * @param heapBytes bytes of heap in use
 * @param threads the process's live threads
 * @param rssBytes the resident set size, or -1 where /proc is not readable
 */
public record ProcessStats(long cpuNanos, long heapBytes, long threads, long rssBytes) {

    /** What a server that did not answer reported: every figure unknown. */
    public static final ProcessStats UNKNOWN = new ProcessStats(-1, -1, -1, -1);

    /**
     * Samples this process.
     *
     * @param collectGarbage run a full collection first, so that heap in use means live objects (for heap per
     *        connection); never during a measured window
     * @return the sample
     */
    public static ProcessStats sample(boolean collectGarbage) {
        if (collectGarbage) {
            System.gc();
        }
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        long threads = ManagementFactory.getThreadMXBean().getThreadCount();
        long rss = -1;
        try {
            List<String> status = Files.readAllLines(Path.of("/proc/self/status"));
            for (String line : status) {
                if (line.startsWith("VmRSS:")) {
                    rss = Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            rss = -1;
        }
        return new ProcessStats(os.getProcessCpuTime(), heap, threads, rss);
    }

    /** @return the fields as a JSON object, as the benchmark services answer them */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("cpuNanos", cpuNanos);
        map.put("heapBytes", heapBytes);
        map.put("threads", threads);
        map.put("rssBytes", rssBytes);
        return map;
    }

    /**
     * @param map a JSON object as {@link #toMap()} (or the Socket.IO server) gives it
     * @return the stats
     */
    public static ProcessStats fromMap(Map<?, ?> map) {
        return new ProcessStats(number(map, "cpuNanos"), number(map, "heapBytes"), number(map, "threads"),
                number(map, "rssBytes"));
    }

    private static long number(Map<?, ?> map, String key) {
        return map.get(key) instanceof Number n ? n.longValue() : -1;
    }
}
