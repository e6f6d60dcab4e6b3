package org.thywill.server;

import java.util.Set;
import org.thywill.api.application.Application;
import org.thywill.api.application.ApplicationContext;
import org.thywill.api.application.ApplicationDescriptor;
import org.thywill.api.application.Capability;
import org.thywill.api.application.PageOptions;

/**
 * An application that asks for what the admin console asks for, the server's view and a strict page at an address
 * of its own, to show that the server grants it by capability and not by the console's id.
 */
public final class ConsoleProbeApplication implements Application {

    /** Its id; nothing in the server knows it. */
    static final String ID = "console-probe";
    private static final PageOptions OWN_STRICT_PAGE = new PageOptions(true, true);

    @Override
    public void start(ApplicationContext context) {
        context.admin().orElseThrow(() -> new IllegalStateException("started without the view it asked for"));
    }

    @Override
    public PageOptions pageOptions() {
        return OWN_STRICT_PAGE;
    }

    @Override
    public Set<Capability> capabilities() {
        return Set.of(Capability.ADMIN);
    }

    @Override
    public ApplicationDescriptor descriptor() {
        return new ApplicationDescriptor(ID);
    }
}
