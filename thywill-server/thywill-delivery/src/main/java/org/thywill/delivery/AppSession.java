package org.thywill.delivery;

import org.thywill.api.client.SessionId;

/**
 * One session in one application: the unit of presence, since a session is present in an application's channels
 * while it has a connection to that application.
 *
 * @param applicationId the application
 * @param session the session
 */
public record AppSession(String applicationId, SessionId session) {
}
