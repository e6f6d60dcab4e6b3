package org.thywill.api;

import org.thywill.api.application.ApplicationInterface;
import org.thywill.api.auth.Authenticator;
import org.thywill.api.client.ClientInterface;
import org.thywill.api.database.Database;
import org.thywill.api.log.Log;
import org.thywill.api.push.Push;

/**
 * The six places a component can be plugged in. Each slot has a section of its own in the settings file, named
 * by {@link #key()}, whose {@code implementation} key picks a provider by name.
 *
 * <p>The declaration order is the order in which components contribute to a page's {@link ClientConfiguration}:
 * the application comes last so it sees what the others set, as thywill-python did.
 */
public enum Slot {
    /** Serves the browser: HTTP, the bootstrap page and the Comet transport. */
    CLIENT_INTERFACE("clientInterface", ClientInterface.class),
    /** Configures logging and receives errors reported by browsers. */
    LOG("log", Log.class),
    /** Sends messages to connections, sessions and channels. */
    PUSH("push", Push.class),
    /** Stores sessions and gives applications a {@link javax.sql.DataSource}. */
    DATABASE("database", Database.class),
    /** Says who is behind a connection, from the credentials its page presents at the handshake. */
    AUTHENTICATION("authentication", Authenticator.class),
    /** Loads applications and routes messages to them. */
    APPLICATION("application", ApplicationInterface.class);

    private final String key;
    private final Class<? extends Component> type;

    Slot(String key, Class<? extends Component> type) {
        this.key = key;
        this.type = type;
    }

    /** @return the name of this slot's section in the settings file */
    public String key() {
        return key;
    }

    /** @return the interface every implementation of this slot implements */
    public Class<? extends Component> type() {
        return type;
    }
}
