package org.thywill.api.client;

/** Why a connection ended. */
public enum DisconnectReason {
    /** The client said goodbye (closed the page politely, or called disconnect). */
    CLIENT,
    /** The client vanished and the timeout ran out. */
    TIMEOUT,
    /** The server ended it, for example while shutting down. */
    SERVER
}
