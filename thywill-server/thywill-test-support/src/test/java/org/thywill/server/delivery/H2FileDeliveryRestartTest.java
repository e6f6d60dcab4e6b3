package org.thywill.server.delivery;

import org.thywill.testing.ThywillTestServer;

/** The session inbox across a restart with the H2 file Database, in the test's temporary home. */
class H2FileDeliveryRestartTest extends DeliveryRestartContract {

    @Override
    protected ThywillTestServer.Builder database(ThywillTestServer.Builder builder) {
        return builder.set("database", "file", "data/thywill");
    }
}
