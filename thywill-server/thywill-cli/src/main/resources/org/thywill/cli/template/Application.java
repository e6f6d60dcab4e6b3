package @package@;

import java.util.Map;
import org.thywill.api.application.Application;
import org.thywill.api.application.ApplicationContext;
import org.thywill.api.application.ApplicationDescriptor;
import org.thywill.api.application.ClientSide;
import org.thywill.api.client.Connection;
import org.thywill.api.delivery.Target;

/** @title@: every message a page sends reaches every open page, with how many pages are open. */
public final class @class@Application implements Application {

    /** The channel every page joins. */
    static final String EVERYONE = "everyone";

    private volatile ApplicationContext context;

    @Override
    public ApplicationDescriptor descriptor() {
        return new ApplicationDescriptor("@name@", "@title@", ClientSide.of("thywill/@name@", "@name@"));
    }

    @Override
    public void start(ApplicationContext context) {
        this.context = context;
    }

    @Override
    public void onConnect(Connection connection) {
        context.join(EVERYONE, connection.id());
    }

    @Override
    public void onMessage(Connection from, Object data) {
        if (data instanceof Map<?, ?> message && message.get("text") instanceof String text && !text.isBlank()) {
            context.send(Target.channel(EVERYONE), Map.of("text", text.strip()));
        }
    }
}
