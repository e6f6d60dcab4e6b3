package org.thywill.remote.document;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.thywill.api.client.ConnectionId;

/** The documents of one application: every connected one by connection, and the open ones, which are counted. */
final class Documents implements OpenDocuments {

    private final Map<ConnectionId, DocumentSession> connected = new ConcurrentHashMap<>();
    private final Set<DocumentSession> open = ConcurrentHashMap.newKeySet();

    DocumentSession connect(ConnectionId id, Function<ConnectionId, DocumentSession> create) {
        return connected.computeIfAbsent(id, create);
    }

    Optional<DocumentSession> disconnect(ConnectionId id) {
        return Optional.ofNullable(connected.remove(id));
    }

    List<DocumentSession> connected() {
        return List.copyOf(connected.values());
    }

    void opened(DocumentSession document) {
        open.add(document);
    }

    void closed(DocumentSession document) {
        open.remove(document);
    }

    @Override
    public int count() {
        return open.size();
    }

    @Override
    public List<RemoteDocument> list() {
        return List.copyOf(open);
    }

    @Override
    public int broadcast(Object message, RemoteDocument from) {
        int queued = 0;
        for (DocumentSession document : open) {
            if (document != from && document.deliver(message, from)) {
                queued++;
            }
        }
        return queued;
    }
}
