package org.thywill.api.admin;

import java.util.Set;

/** Implemented by a clustered Push that lets the admin console list the cluster's nodes. Thread-safe. */
public interface ClusterAdmin {

    /** @return this node's id in the cluster, as its settings name it */
    String nodeId();

    /** @return the ids of the nodes that were up at this node's last heartbeat, this one included */
    Set<String> nodesUp();

    /** @return whether this node's last heartbeat reached the cluster's shared store */
    boolean reachable();
}
