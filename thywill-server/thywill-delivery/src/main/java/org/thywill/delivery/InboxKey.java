package org.thywill.delivery;

import org.thywill.api.client.SessionId;

/** Names one inbox: the messages one application sent to one session. */
record InboxKey(SessionId session, String applicationId) {
}
