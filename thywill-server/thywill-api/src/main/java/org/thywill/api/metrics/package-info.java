/**
 * Metrics that components and applications record without depending on a metrics library: counters, gauges and
 * timers, named and tagged here, exposed by the kernel at {@code GET /thywill/metrics} in the Prometheus format.
 */
package org.thywill.api.metrics;
