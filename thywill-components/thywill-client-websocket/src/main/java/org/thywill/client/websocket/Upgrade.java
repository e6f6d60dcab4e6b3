package org.thywill.client.websocket;

import java.util.Map;

/**
 * What a socket's upgrade request said that the protocol uses later.
 *
 * @param address the client's address
 * @param cookies its cookies by name
 */
record Upgrade(String address, Map<String, String> cookies) {

    /** Copies. */
    Upgrade {
        cookies = Map.copyOf(cookies);
    }
}
