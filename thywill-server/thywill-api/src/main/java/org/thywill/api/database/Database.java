package org.thywill.api.database;

import javax.sql.DataSource;
import org.thywill.api.Component;

/**
 * The slot that stores what outlives a connection. Its schema is migrated at start-up; applications get a pooled
 * {@link DataSource} for their own tables.
 */
public interface Database extends Component {

    /** @return a pooled data source; valid between start and stop */
    DataSource dataSource();

    /** @return the store of browser sessions */
    SessionStore sessions();

    /**
     * The store of channel membership, which the Push caches. Like {@link #sessions()}, it may be taken before
     * {@link #start()} and used after it.
     *
     * @return the store of which sessions are members of which application channels
     * @throws org.thywill.api.ThywillException if this implementation cannot store membership (the default)
     */
    default MembershipStore memberships() {
        throw new org.thywill.api.ThywillException("This Database implementation cannot store channel membership,"
                + " which the Push needs; choose h2 or mysql.");
    }

    /**
     * The durable side of the session inbox, which the Client Interface writes behind its sends. Like
     * {@link #sessions()}, it may be taken before {@link #start()} and used after it.
     *
     * @return the store of messages waiting for sessions
     * @throws org.thywill.api.ThywillException if this implementation cannot store them (the default); the
     *                                          Client Interface then keeps inboxes in memory only
     */
    default org.thywill.api.delivery.Inbox inbox() {
        throw new org.thywill.api.ThywillException("This Database implementation cannot store session inboxes;"
                + " choose h2 or mysql to keep messages across a restart.");
    }

    /**
     * The store of session data, which the Application Interface reads and writes for applications' typed
     * {@link org.thywill.api.session.SessionData}. Like {@link #sessions()}, it may be taken before
     * {@link #start()} and used after it.
     *
     * @return the store of each session's attributes per application
     * @throws org.thywill.api.ThywillException if this implementation cannot store session data (the default)
     */
    default SessionAttributeStore sessionAttributes() {
        throw new org.thywill.api.ThywillException("This Database implementation cannot store session data;"
                + " choose h2, mysql or postgresql.");
    }

    /**
     * Brings an application's own tables up to date with the Flyway migrations in its jar, recorded in a schema
     * history table of its own ({@code thywill_app_<owner>_history}) so applications never collide with each
     * other or with Thywill's tables. Called by the Application Interface before the application starts.
     *
     * @param owner the application's id
     * @param loader the class loader that sees the application's migration scripts
     * @param location the scripts' class-path folder, for example {@code db/todo}
     * @throws org.thywill.api.ThywillException if a migration fails; the application then does not start
     */
    default void migrate(String owner, ClassLoader loader, String location) {
        throw new org.thywill.api.ThywillException("This Database implementation cannot run application"
                + " migrations; choose h2 or mysql for '" + owner + "'.");
    }
}
