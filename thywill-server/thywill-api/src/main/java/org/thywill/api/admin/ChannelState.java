package org.thywill.api.admin;

import java.util.List;
import java.util.Set;
import org.thywill.api.client.SessionId;
import org.thywill.api.presence.PresentSession;

/**
 * A channel of an application as the admin console shows it.
 *
 * @param applicationId the application
 * @param channel the channel's name
 * @param members the member sessions connected to this node (the Database holds the others)
 * @param present the sessions present now, as {@code ApplicationContext.presence} says
 */
public record ChannelState(String applicationId, String channel, Set<SessionId> members,
                           List<PresentSession> present) {

    /** Copies the collections. */
    public ChannelState {
        members = Set.copyOf(members);
        present = List.copyOf(present);
    }
}
