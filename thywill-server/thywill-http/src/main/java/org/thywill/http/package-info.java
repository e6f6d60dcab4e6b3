/**
 * What every Client Interface needs besides its transport, so that a second transport (plain WebSocket, say) writes
 * only the transport. Start from {@link org.thywill.http.HttpFront}: the Jetty server with the pages, endpoints,
 * client scripts, error pages, security headers, origin check, trusted proxies and session cookie, to whose context
 * the transport adds its servlet or upgrade handler. Then, per connection: {@link org.thywill.http.Connections}
 * (the connections held, and their listeners told), {@link org.thywill.http.InboundMessages} (a client's message to
 * the router, or the error to answer), {@link org.thywill.http.DeliveryHandshake} (acknowledged delivery),
 * {@link org.thywill.http.ConnectionLimits}, {@link org.thywill.http.MessageRateLimit},
 * {@link org.thywill.http.MessageSizeLimit}, {@link org.thywill.http.JsonLimits} and
 * {@link org.thywill.http.ClientMetrics}; the settings every transport shares are checked by
 * {@link org.thywill.http.HttpSettings}. Authentication's transport-independent part is in
 * {@link org.thywill.http.auth}. See documentation/architecture.md, "How to write a second Client Interface".
 *
 * <p>A library, not a component: no provider, no slot. Everything here is made per server (no static state), and
 * thread-safe unless its Javadoc says otherwise.
 */
package org.thywill.http;
