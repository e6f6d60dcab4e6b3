/**
 * The transport-independent part of authentication, for any Client Interface: checking a connection's credentials
 * with the {@link org.thywill.api.auth.Authenticator} ({@link org.thywill.http.auth.CredentialCheck}), reading them
 * from a request, closing a connection when its credentials expire ({@link org.thywill.http.auth.Expiries}) and
 * what a page is told ({@link org.thywill.http.auth.AuthMessages}). The transport carries the token and the replies
 * (documentation/authentication.md, documentation/protocol.md).
 */
package org.thywill.http.auth;
