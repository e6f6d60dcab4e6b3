package org.thywill.api.admin;

import java.time.Instant;

/**
 * This node as the admin console shows it.
 *
 * @param name the host's name and the port, such as {@code web-1:8080}
 * @param started when the server started
 * @param javaVersion the Java runtime's version
 * @param processors the processors the JVM may use
 * @param heapUsed bytes of heap in use
 * @param heapMax the most bytes of heap the JVM may use
 */
public record NodeState(String name, Instant started, String javaVersion, int processors, long heapUsed,
                        long heapMax) {
}
