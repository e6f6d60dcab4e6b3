package org.thywill.remote.document;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.thywill.testing.Browser;
import org.thywill.testing.ThywillTestServer;

/** A view reads the session's data when it renders and changes it from an event; a reload renders what it kept. */
class SessionDataViewTest {

    @Test
    void aViewRendersTheSessionsDataAndChangesItFromAnEvent() {
        try (ThywillTestServer server = ThywillTestServer.withApplications("rd-session").start();
             Browser page = Browser.open()) {
            URI address = server.page("rd-session");
            page.load(address).waitUntilConnected();
            assertEquals("0", page.find("#pressed").getText());
            page.find("#more").click();
            page.waitFor(d -> "1".equals(page.find("#pressed").getText()));
            page.find("#more").click();
            page.waitFor(d -> "2".equals(page.find("#pressed").getText()));

            page.load(address);
            assertEquals("2", page.find("#pressed").getText(), "rendered on the server from the session's data");
        }
    }
}
