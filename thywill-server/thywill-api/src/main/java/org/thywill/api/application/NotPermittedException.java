package org.thywill.api.application;

import org.thywill.api.ThywillException;

/**
 * An application refuses what a connection asked, because of who its user is: thrown from
 * {@link Application#permits(ClientMessage)}, {@link Application#permits(org.thywill.api.client.Connection, String)},
 * {@link Application#onMessage(ClientMessage)} or a {@link Callable} function, before the refused action ran. The
 * page receives the error code {@value #CODE} with this exception's message (for a message, an {@code error}
 * envelope naming the message's id; for a call, its {@code rpc-error}), so write the message for the person and
 * put nothing in it the user may not see. Nothing is logged above DEBUG: a refusal is no failure.
 */
public class NotPermittedException extends ThywillException {

    /** The error code the page receives. */
    public static final String CODE = "not-permitted";

    /** @param message why, for the person, such as {@code "Only staff may join 'staff'"} */
    public NotPermittedException(String message) {
        super(message);
    }
}
