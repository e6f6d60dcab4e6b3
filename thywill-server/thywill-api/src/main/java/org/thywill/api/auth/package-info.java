/**
 * Who is behind a connection: the {@link org.thywill.api.auth.Authenticator} slot checks the credentials a page
 * presents at its handshake (and again when it refreshes them) and names the {@link org.thywill.api.auth.User}.
 */
package org.thywill.api.auth;
