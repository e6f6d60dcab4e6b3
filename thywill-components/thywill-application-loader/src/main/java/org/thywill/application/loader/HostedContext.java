package org.thywill.application.loader;

import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.thywill.api.admin.AdminAccess;
import org.thywill.api.application.ApplicationContext;
import org.thywill.api.application.ClientMessage;
import org.thywill.api.client.ConnectionId;
import org.thywill.api.client.SessionId;
import org.thywill.api.database.Database;
import org.thywill.api.delivery.Sent;
import org.thywill.api.delivery.Target;
import org.thywill.api.metrics.Metrics;
import org.thywill.api.presence.PresenceListener;
import org.thywill.api.presence.PresentSession;
import org.thywill.api.push.Envelopes;
import org.thywill.api.push.Push;
import org.thywill.api.session.SessionData;

/** One application's view of the server: its sends go through the Push under its own id. */
final class HostedContext implements ApplicationContext {

    private final String applicationId;
    private final Push push;
    private final Database database;
    private final Metrics metrics;
    private final AdminAccess admin;

    HostedContext(String applicationId, Push push, Database database, Metrics metrics) {
        this(applicationId, push, database, metrics, null);
    }

    /** @param admin the admin console's access, for an application granted Capability.ADMIN; else null */
    HostedContext(String applicationId, Push push, Database database, Metrics metrics, AdminAccess admin) {
        this.admin = admin;
        this.applicationId = applicationId;
        this.push = push;
        this.database = database;
        this.metrics = new ApplicationMetrics(metrics, applicationId);
    }

    @Override
    public String applicationId() {
        return applicationId;
    }

    @Override
    public Sent send(Target target, Object data) {
        return push.send(applicationId, Objects.requireNonNull(target, "target"), Envelopes.message(data));
    }

    @Override
    public void reportDelivery(ClientMessage cause, Collection<Sent> sends) {
        DeliveryReport.start(push, applicationId, Objects.requireNonNull(cause, "cause"), sends);
    }

    @Override
    public void joinUser(String channel, String userId) {
        push.joinUser(applicationId, channel, userId);
    }

    @Override
    public void leaveUser(String channel, String userId) {
        push.leaveUser(applicationId, channel, userId);
    }

    @Override
    public int disconnectUser(String userId, String message) {
        return push.disconnectUser(userId, message);
    }

    @Override
    public void join(String channel, ConnectionId connection) {
        push.join(applicationId, channel, connection);
    }

    @Override
    public void leave(String channel, ConnectionId connection) {
        push.leave(applicationId, channel, connection);
    }

    @Override
    public Set<ConnectionId> members(String channel) {
        return push.members(applicationId, channel);
    }

    @Override
    public void joinSession(String channel, SessionId session) {
        push.joinSession(applicationId, channel, session);
    }

    @Override
    public void leaveSession(String channel, SessionId session) {
        push.leaveSession(applicationId, channel, session);
    }

    @Override
    public Set<SessionId> memberSessions(String channel) {
        return push.memberSessions(applicationId, channel);
    }

    @Override
    public List<PresentSession> presence(String channel) {
        return push.presence(applicationId, channel);
    }

    @Override
    public void onPresence(PresenceListener listener) {
        push.presenceListener(applicationId, listener);
    }

    @Override
    public DataSource dataSource() {
        return database.dataSource();
    }

    @Override
    public Metrics metrics() {
        return metrics;
    }

    @Override
    public Optional<AdminAccess> admin() {
        return Optional.ofNullable(admin);
    }

    /** Made once per application: it learns the application's types. */
    private final SessionValues sessionValues = new SessionValues();

    @Override
    public SessionData session(SessionId session) {
        return new StoredSessionData(database.sessionAttributes(), sessionValues, applicationId, session);
    }
}
