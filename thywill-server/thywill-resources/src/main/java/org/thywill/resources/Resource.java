package org.thywill.resources;

import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.thywill.api.application.ApplicationContext;

/**
 * One live resource: a table of the application's, its {@link AccessRule}, and the operations on its rows. The REST
 * API calls these with the caller it serves; the application's own code calls them too (without a caller, so the
 * rule does not apply), and every create, update and delete, by either, is published to the resource's channel
 * and to the row's.
 *
 * <p>Thread-safe. Writes to one resource are serialized, so its watchers receive the changes in the order the
 * database made them. Every method blocks on the database: call them off the transport thread when that matters.
 *
 * <p>Channels (see {@link #channel()}): {@code resource.{name}} receives every change,
 * {@code resource.{name}.{id}} those of one row (for ids of letters, digits, '.', '_' and '-' short enough for a
 * channel name). A change is {@code {"resource": name, "change": "created"|"updated"|"deleted", "id": id,
 * "row": {...}}}, without {@code row} for a deletion.
 */
public final class Resource {

    private static final Pattern CHANNEL_SAFE = Pattern.compile("[A-Za-z0-9._-]+");
    private static final int MAX_CHANNEL = 64;

    private final String name;
    private final AccessRule rule;
    private final RecordTable declared;
    private volatile String table;
    private volatile Map<String, Relation> relations = Map.of();
    private final Object writes = new Object();
    private final ResourceErrors errors;
    private volatile TableSchema schema;
    private volatile TableStore store;
    private volatile RowInput input;
    private volatile ChangePublisher changes;

    Resource(String name, String table, AccessRule rule, RecordTable declared) {
        this.name = name;
        this.table = table;
        this.rule = rule;
        this.declared = declared;
        this.errors = new ResourceErrors(name);
    }

    /** @return the record it was declared from, or null for a table */
    RecordTable declared() {
        return declared;
    }

    void table(String name) {
        this.table = name;
    }

    TableSchema schema() {
        return started();
    }

    /**
     * Finds the relations of this resource's foreign keys to the keys of the resources given.
     *
     * @param all every resource of the application, started
     */
    void relate(List<Resource> all) {
        relations = RelatedRows.find(started(), all);
    }

    /** @return the relations of its foreign keys to other resources, by name */
    Map<String, Relation> relations() {
        return relations;
    }

    void start(ApplicationContext context) throws SQLException {
        TableSchema read = TableSchema.read(context.dataSource(), name, table);
        this.store = new TableStore(context.dataSource(), read);
        this.input = new RowInput(name, read, errors);
        this.changes = new ChangePublisher(this, context);
        this.schema = read;
    }

    /** @return the resource's name, in its URLs and channels */
    public String name() {
        return name;
    }

    /** @return the table it serves */
    public String table() {
        return table;
    }

    /** @return who may do what */
    public AccessRule rule() {
        return rule;
    }

    /** @return the channel every change of the resource is published to, {@code resource.{name}} */
    public String channel() {
        return "resource." + name;
    }

    /**
     * @param id a row's primary key
     * @return the channel that row's changes are published to, if the id can be part of a channel name
     */
    public Optional<String> rowChannel(Object id) {
        String channel = channel() + "." + id;
        return CHANNEL_SAFE.matcher(String.valueOf(id)).matches() && channel.length() <= MAX_CHANNEL
                ? Optional.of(channel) : Optional.empty();
    }

    /** @return the columns, in table order; empty before the application started */
    public List<Column> columns() {
        TableSchema s = schema;
        return s == null ? List.of() : List.copyOf(s.columns().values());
    }

    /**
     * Checks the rule.
     *
     * @param operation the operation
     * @param caller who asks
     * @throws ResourceException 403 if the rule refuses
     */
    public void check(Operation operation, Caller caller) {
        if (!rule.permits(operation, caller)) {
            throw new ResourceException(403, null, "You may not " + operation.name().toLowerCase(java.util.Locale.ROOT)
                    + " " + name + (operation.isRead() ? "." : ": the application allows no such change."));
        }
    }

    /**
     * @param parameters the list's query: {@code limit}, {@code offset}, {@code sort} and column filters
     * @return {@code {"items": [...], "total": n, "offset": o, "limit": l}}
     * @throws ResourceException 400 for a parameter not understood, 503 if the database fails
     */
    public Map<String, Object> list(Map<String, String> parameters) {
        return list(parameters, null);
    }

    /**
     * Lists as {@link #list(Map)} does, for a caller of the REST API: the rule of each resource a relation leads to
     * is asked too ({@link Operation#READ} to expand it, {@link Operation#LIST} to filter across it).
     *
     * @param parameters the list's query
     * @param caller the caller, or null for the application's own code
     * @return the page
     */
    Map<String, Object> list(Map<String, String> parameters, Caller caller) {
        TableSchema s = started();
        ListQuery query = ListQuery.parse(parameters, s, relations);
        if (caller != null) {
            query.expand().forEach(r -> r.target().check(Operation.READ, caller));
            query.related().forEach(f -> f.relation().target().check(Operation.LIST, caller));
        }
        try {
            TableStore.Page page = store.list(query);
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("items", RelatedRows.embed(page.rows(), query.expand()));
            answer.put("total", page.total());
            answer.put("offset", query.offset());
            answer.put("limit", query.limit());
            return answer;
        } catch (SQLException e) {
            throw errors.unavailable(e);
        }
    }

    /**
     * @param id the row's primary key, as a JSON value or the text of a URL
     * @return the row
     * @throws ResourceException 400 for an id of the wrong type, 404 if there is no such row
     */
    public Map<String, Object> read(Object id) {
        return readRow(id);
    }

    /**
     * Reads as {@link #read} does, for a caller of the REST API, with the relations its {@code expand} parameter
     * names embedded (their resources' rule asked for {@link Operation#READ}).
     *
     * @param id the row's primary key, as the text of a URL
     * @param parameters the request's query; only {@code expand} is read
     * @param caller the caller
     * @return the row
     */
    Map<String, Object> read(String id, Map<String, String> parameters, Caller caller) {
        List<Relation> expand = ListQuery.expand(parameters.get(ListQuery.EXPAND), relations);
        expand.forEach(r -> r.target().check(Operation.READ, caller));
        Map<String, Object> row = readRow(id);
        return RelatedRows.embed(List.of(row), expand).get(0);
    }

    /** @return the rows of the keys given that exist, by key */
    Map<Object, Map<String, Object>> readAll(java.util.Collection<Object> ids) {
        started();
        try {
            return store.readAll(ids);
        } catch (SQLException e) {
            throw errors.unavailable(e);
        }
    }

    private Map<String, Object> readRow(Object id) {
        started();
        Object key = input.key(id);
        try {
            return store.read(key).orElseThrow(() -> errors.notFound(id));
        } catch (SQLException e) {
            throw errors.unavailable(e);
        }
    }

    /**
     * Creates a row and publishes it as {@code created}.
     *
     * @param values the columns to set, by name; the others take their defaults
     * @return the new row, as stored
     * @throws ResourceException 400 naming a column missing, unknown or of the wrong type; 409 naming a unique
     *                           column whose value is taken or a reference to no row
     */
    public Map<String, Object> create(Map<String, ?> values) {
        TableSchema s = started();
        Map<Column, Object> converted = input.convert(values, true);
        input.requireAll(converted);
        synchronized (writes) {
            Object id;
            try {
                id = store.insert(converted);
            } catch (SQLException e) {
                throw errors.conflictOr(e, store, converted, null);
            }
            Map<String, Object> row = read(id);
            changes.publish("created", row.get(s.primaryKey().name()), row);
            return row;
        }
    }

    /**
     * Changes the columns given (the others keep their values) and publishes the row as {@code updated}.
     *
     * @param id the row's primary key
     * @param values the columns to change; the primary key cannot change
     * @return the row, as stored now
     * @throws ResourceException 400, 404 or 409 as {@link #create} and {@link #read} do
     */
    public Map<String, Object> update(Object id, Map<String, ?> values) {
        started();
        Object key = input.key(id);
        Map<Column, Object> converted = input.convert(values, false);
        synchronized (writes) {
            boolean exists;
            try {
                exists = store.update(key, converted);
            } catch (SQLException e) {
                throw errors.conflictOr(e, store, converted, key);
            }
            if (!exists) {
                throw errors.notFound(id);
            }
            Map<String, Object> row = read(key);
            changes.publish("updated", key, row);
            return row;
        }
    }

    /**
     * Deletes a row and publishes {@code deleted}.
     *
     * @param id the row's primary key
     * @throws ResourceException 404 if there is no such row, 409 if other rows refer to it
     */
    public void delete(Object id) {
        started();
        Object key = input.key(id);
        synchronized (writes) {
            boolean deleted;
            try {
                deleted = store.delete(key);
            } catch (SQLException e) {
                throw errors.deleteRefused(e, id);
            }
            if (!deleted) {
                throw errors.notFound(id);
            }
            changes.publish("deleted", key, null);
        }
    }

    /**
     * Publishes a row that the application changed with its own SQL: {@code updated} with the row as stored now,
     * or {@code deleted} if it no longer exists.
     *
     * @param id the row's primary key
     */
    public void changed(Object id) {
        started();
        Object key = input.key(id);
        synchronized (writes) {
            try {
                Optional<Map<String, Object>> row = store.read(key);
                changes.publish(row.isPresent() ? "updated" : "deleted", key, row.orElse(null));
            } catch (SQLException e) {
                throw errors.unavailable(e);
            }
        }
    }

    /** @return the resource as the schema document shows it */
    Map<String, Object> describe() {
        return ResourceDescription.of(this, started(), declared);
    }

    private TableSchema started() {
        TableSchema s = schema;
        if (s == null) {
            throw errors.notStarted();
        }
        return s;
    }
}
