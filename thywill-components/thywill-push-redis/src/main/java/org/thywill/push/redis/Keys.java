package org.thywill.push.redis;

/**
 * The names of the cluster's Redis keys and pub/sub channel, all under one prefix so that several clusters share
 * one Redis. The Lua scripts build the same names from the prefix; documentation/cluster.md lists them.
 *
 * @param prefix the key prefix of the cluster
 */
record Keys(String prefix) {

    /** @return the pub/sub channel every node publishes to and subscribes to */
    String bus() {
        return prefix + ":bus";
    }

    /** @return the stream that keeps what was published to sessions and channels for a while */
    String log() {
        return prefix + ":log";
    }

    /** @return the hash of how far each node has handled the log */
    String positions() {
        return prefix + ":positions";
    }

    /**
     * @param applicationId an application
     * @param channel one of its channels
     * @return the set of the channel's member sessions
     */
    String members(String applicationId, String channel) {
        return prefix + ":members:" + applicationId + ":" + channel;
    }

    /**
     * @param applicationId an application
     * @param session a session
     * @return the key saying whether the session is present in the application's channels
     */
    String present(String applicationId, String session) {
        return prefix + ":present:" + applicationId + ":" + session;
    }
}
