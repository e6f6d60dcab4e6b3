package org.thywill.server.delivery;

import java.util.Map;

/** A SIGKILL mid-stream with the H2 file Database, in the test's temporary home. */
class H2FileCrashRestartTest extends CrashRestartContract {

    @Override
    protected Map<String, String> database() {
        return Map.of("database.file", "data/thywill");
    }
}
