package org.thywill.resources;

import java.util.LinkedHashMap;
import java.util.Map;
import org.thywill.api.application.ApplicationContext;
import org.thywill.api.delivery.Target;

/** Sends a resource's changes to its channel and to the row's, in the message shape its watchers read. */
record ChangePublisher(Resource resource, ApplicationContext context) {

    /**
     * @param change {@code created}, {@code updated} or {@code deleted}
     * @param id the row's primary key
     * @param row the row as stored, or null for a deletion
     */
    void publish(String change, Object id, Map<String, Object> row) {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("resource", resource.name());
        message.put("change", change);
        message.put("id", id);
        if (row != null) {
            message.put("row", row);
        }
        context.send(Target.channel(resource.channel()), message);
        resource.rowChannel(id).ifPresent(channel -> context.send(Target.channel(channel), message));
    }
}
