/**
 * Authentication at the Bayeux handshake and its refresh over the live connection: the Client Interface's side of
 * the {@link org.thywill.api.auth.Authenticator} slot (documentation/authentication.md, documentation/protocol.md).
 */
package org.thywill.client.cometd.auth;
