package org.thywill.application.loader;

import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;
import org.thywill.api.client.SessionId;
import org.thywill.api.database.SessionAttributeStore;
import org.thywill.api.session.SessionAttribute;
import org.thywill.api.session.SessionData;

/** One session's data in one application: typed values over the Database's store of JSON text. */
final class StoredSessionData implements SessionData {

    private final SessionAttributeStore store;
    private final SessionValues values;
    private final String applicationId;
    private final SessionId session;

    /**
     * @param store the Database's store
     * @param values the application's converter
     * @param applicationId the application whose attributes these are
     * @param session the session
     */
    StoredSessionData(SessionAttributeStore store, SessionValues values, String applicationId, SessionId session) {
        this.store = store;
        this.values = values;
        this.applicationId = applicationId;
        this.session = Objects.requireNonNull(session, "session");
    }

    @Override
    public SessionId session() {
        return session;
    }

    @Override
    public <T> Optional<T> get(SessionAttribute<T> attribute) {
        return store.get(applicationId, session, attribute.name()).map(json -> values.read(attribute, json));
    }

    @Override
    public <T> void set(SessionAttribute<T> attribute, T value) {
        Objects.requireNonNull(value, "value: remove the attribute instead of setting null");
        store.put(applicationId, session, attribute.name(), values.write(attribute, value));
    }

    @Override
    public boolean remove(SessionAttribute<?> attribute) {
        return store.remove(applicationId, session, attribute.name());
    }

    @Override
    public <T> Optional<T> update(SessionAttribute<T> attribute, UnaryOperator<T> change) {
        AtomicReference<T> written = new AtomicReference<>();
        store.update(applicationId, session, attribute.name(), json -> {
            T next = change.apply(json == null ? null : values.read(attribute, json));
            written.set(next); // the store may call this again: the last call's result is the one it wrote
            return next == null ? null : values.write(attribute, next);
        });
        return Optional.ofNullable(written.get());
    }

    @Override
    public String toString() {
        return "SessionData[" + applicationId + "]"; // never the session id, a secret
    }
}
