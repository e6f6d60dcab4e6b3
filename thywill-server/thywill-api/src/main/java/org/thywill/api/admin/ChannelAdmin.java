package org.thywill.api.admin;

import java.util.List;

/** Implemented by a Push that lets the admin console list channels. Thread-safe. */
public interface ChannelAdmin {

    /** @return a snapshot of the channels with at least one member connected to this node */
    List<ChannelState> channels();
}
