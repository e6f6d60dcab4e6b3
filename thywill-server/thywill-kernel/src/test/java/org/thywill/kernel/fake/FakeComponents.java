package org.thywill.kernel.fake;

import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.thywill.api.Component;
import org.thywill.api.ComponentContext;
import org.thywill.api.Slot;
import org.thywill.api.auth.Authentication;
import org.thywill.api.auth.Authenticator;
import org.thywill.api.auth.Credentials;
import org.thywill.api.application.ApplicationInfo;
import org.thywill.api.application.ApplicationInterface;
import org.thywill.api.client.AcknowledgementListener;
import org.thywill.api.client.ClientInterface;
import org.thywill.api.client.Connection;
import org.thywill.api.client.ConnectionId;
import org.thywill.api.client.ConnectionListener;
import org.thywill.api.client.MessageRouter;
import org.thywill.api.client.SessionId;
import org.thywill.api.database.Database;
import org.thywill.api.database.SessionStore;
import org.thywill.api.delivery.Sent;
import org.thywill.api.delivery.Target;
import org.thywill.api.log.Log;
import org.thywill.api.presence.PresenceListener;
import org.thywill.api.presence.PresentSession;
import org.thywill.api.push.Push;

/** Components that do nothing but write their start and stop to the {@link Journal}, one per slot. */
public final class FakeComponents {

    private FakeComponents() {
    }

    /** What every fake does: record start and stop, fail to start when its settings ask, keep its context. */
    public abstract static class FakeComponent implements Component {
        private final Slot slot;
        private final FakeSettings settings;
        private final ComponentContext context;

        FakeComponent(Slot slot, FakeSettings settings, ComponentContext context) {
            this.slot = slot;
            this.settings = settings;
            this.context = context;
        }

        /** @return the settings it was created with */
        public FakeSettings settings() {
            return settings;
        }

        /** @return the context the kernel gave it */
        public ComponentContext context() {
            return context;
        }

        @Override
        public void start() {
            Journal.record("start " + slot.key());
            if (settings.failOnStart()) {
                throw new IllegalStateException("fake " + slot.key() + " was told to fail");
            }
        }

        @Override
        public void stop() {
            Journal.record("stop " + slot.key());
        }
    }

    /** A client interface that opens nothing. */
    public static final class FakeClientInterface extends FakeComponent implements ClientInterface {
        private volatile int port = -1;

        FakeClientInterface(FakeSettings settings, ComponentContext context) {
            super(Slot.CLIENT_INTERFACE, settings, context);
        }

        @Override
        public void open() {
            Journal.record("open clientInterface");
            if (settings().failOnOpen()) {
                throw new IllegalStateException("port taken");
            }
            port = context().server().port();
        }

        @Override
        public int port() {
            return port;
        }

        @Override
        public void route(MessageRouter router) {
        }

        @Override
        public void addListener(ConnectionListener listener) {
        }

        @Override
        public void acknowledgements(AcknowledgementListener listener) {
        }

        @Override
        public int deliver(Collection<ConnectionId> targets, String channel, Map<String, Object> data) {
            return 0;
        }

        @Override
        public Optional<Connection> connection(ConnectionId id) {
            return Optional.empty();
        }

        @Override
        public Collection<ConnectionId> connectionsOf(SessionId session) {
            return List.of();
        }
    }

    /** A log that configures nothing. */
    public static final class FakeLog extends FakeComponent implements Log {
        FakeLog(FakeSettings settings, ComponentContext context) {
            super(Slot.LOG, settings, context);
        }
    }

    /** A push that reaches nobody. */
    public static final class FakePush extends FakeComponent implements Push {
        FakePush(FakeSettings settings, ComponentContext context) {
            super(Slot.PUSH, settings, context);
        }

        @Override
        public Sent send(String applicationId, Target target, Map<String, Object> envelope) {
            return Sent.withoutReceipt(0, target);
        }

        @Override
        public void join(String applicationId, String channel, ConnectionId connection) {
        }

        @Override
        public void leave(String applicationId, String channel, ConnectionId connection) {
        }

        @Override
        public Set<ConnectionId> members(String applicationId, String channel) {
            return Set.of();
        }

        @Override
        public void joinSession(String applicationId, String channel, SessionId session) {
        }

        @Override
        public void leaveSession(String applicationId, String channel, SessionId session) {
        }

        @Override
        public Set<SessionId> memberSessions(String applicationId, String channel) {
            return Set.of();
        }

        @Override
        public List<PresentSession> presence(String applicationId, String channel) {
            return List.of();
        }

        @Override
        public void presenceListener(String applicationId, PresenceListener listener) {
        }
    }

    /** A database that stores nothing. */
    public static final class FakeDatabase extends FakeComponent implements Database {
        FakeDatabase(FakeSettings settings, ComponentContext context) {
            super(Slot.DATABASE, settings, context);
        }

        @Override
        public DataSource dataSource() {
            throw new UnsupportedOperationException("the fake database has no data source");
        }

        @Override
        public SessionStore sessions() {
            throw new UnsupportedOperationException("the fake database has no sessions");
        }
    }

    /** An application interface that runs no application. */
    public static final class FakeApplicationInterface extends FakeComponent implements ApplicationInterface {
        FakeApplicationInterface(FakeSettings settings, ComponentContext context) {
            super(Slot.APPLICATION, settings, context);
        }

        @Override
        public List<ApplicationInfo> applications() {
            return List.of();
        }
    }

    /** An authenticator that lets everyone in, anonymously. */
    public static final class FakeAuthenticator extends FakeComponent implements Authenticator {
        FakeAuthenticator(FakeSettings settings, ComponentContext context) {
            super(Slot.AUTHENTICATION, settings, context);
        }

        @Override
        public CompletionStage<Authentication> authenticate(Credentials credentials) {
            return CompletableFuture.completedFuture(Authentication.anonymous());
        }
    }
}
