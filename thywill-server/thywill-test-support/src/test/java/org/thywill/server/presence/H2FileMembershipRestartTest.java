package org.thywill.server.presence;

import org.thywill.kernel.ThywillSettings;

/** Membership across a restart with the embedded H2 Database in a file under the server's home. */
class H2FileMembershipRestartTest extends MembershipRestartContract {

    @Override
    protected ThywillSettings.Builder database(ThywillSettings.Builder settings) {
        return settings.set("database", "implementation", "h2").set("database", "file", "data/thywill");
    }
}
