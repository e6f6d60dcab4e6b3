package org.thywill.resources;

import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.thywill.api.application.ApplicationContext;
import org.thywill.api.delivery.Target;

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
    private volatile TableSchema schema;
    private volatile TableStore store;
    private volatile ApplicationContext context;

    Resource(String name, String table, AccessRule rule, RecordTable declared) {
        this.name = name;
        this.table = table;
        this.rule = rule;
        this.declared = declared;
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
        TableSchema s = started();
        Map<String, Relation> found = new LinkedHashMap<>();
        s.references().forEach((columnName, reference) -> {
            Column column = s.column(columnName).orElse(null);
            String relation = column == null ? null : Relation.nameOf(column);
            if (relation == null || s.column(relation).isPresent()) {
                return;
            }
            all.stream().filter(r -> r.schema().table().equalsIgnoreCase(reference.table())
                            && r.schema().primaryKey().name().equalsIgnoreCase(reference.column()))
                    .findFirst().ifPresent(target -> found.put(relation, new Relation(relation, column, target)));
        });
        relations = Map.copyOf(found);
    }

    /** @return the relations of its foreign keys to other resources, by name */
    Map<String, Relation> relations() {
        return relations;
    }

    void start(ApplicationContext context) throws SQLException {
        TableSchema read = TableSchema.read(context.dataSource(), name, table);
        this.store = new TableStore(context.dataSource(), read);
        this.schema = read;
        this.context = context;
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
            answer.put("items", expand(page.rows(), query.expand()));
            answer.put("total", page.total());
            answer.put("offset", query.offset());
            answer.put("limit", query.limit());
            return answer;
        } catch (SQLException e) {
            throw unavailable(e);
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
        return expand(List.of(row), expand).get(0);
    }

    /**
     * Embeds, in each row, the row each relation refers to under the relation's name (null when the reference is
     * null), reading each related resource once.
     */
    private List<Map<String, Object>> expand(List<Map<String, Object>> rows, List<Relation> relations) {
        if (relations.isEmpty() || rows.isEmpty()) {
            return rows;
        }
        List<Map<String, Object>> expanded = rows.stream().map(r -> (Map<String, Object>) new LinkedHashMap<>(r))
                .toList();
        for (Relation relation : relations) {
            String column = relation.column().name();
            java.util.Set<Object> ids = new java.util.LinkedHashSet<>();
            expanded.forEach(r -> {
                if (r.get(column) != null) {
                    ids.add(r.get(column));
                }
            });
            Map<Object, Map<String, Object>> found = relation.target().readAll(ids);
            expanded.forEach(r -> r.put(relation.name(), r.get(column) == null ? null : found.get(r.get(column))));
        }
        return expanded;
    }

    /** @return the rows of the keys given that exist, by key */
    Map<Object, Map<String, Object>> readAll(java.util.Collection<Object> ids) {
        started();
        try {
            return store.readAll(ids);
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    private Map<String, Object> readRow(Object id) {
        Object key = key(id);
        try {
            return store.read(key).orElseThrow(() -> notFound(id));
        } catch (SQLException e) {
            throw unavailable(e);
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
        Map<Column, Object> converted = convert(values, true);
        for (Column column : s.columns().values()) {
            if (column.required() && !converted.containsKey(column)) {
                throw ResourceException.badField(column.name(), column.name() + " is required.");
            }
        }
        synchronized (writes) {
            Object id;
            try {
                id = store.insert(converted);
            } catch (SQLException e) {
                throw conflictOr(e, converted, null);
            }
            Map<String, Object> row = read(id);
            publish("created", row.get(s.primaryKey().name()), row);
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
        Object key = key(id);
        Map<Column, Object> converted = convert(values, false);
        synchronized (writes) {
            boolean exists;
            try {
                exists = store.update(key, converted);
            } catch (SQLException e) {
                throw conflictOr(e, converted, key);
            }
            if (!exists) {
                throw notFound(id);
            }
            Map<String, Object> row = read(key);
            publish("updated", key, row);
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
        Object key = key(id);
        synchronized (writes) {
            boolean deleted;
            try {
                deleted = store.delete(key);
            } catch (SQLException e) {
                if (isIntegrityViolation(e)) {
                    throw new ResourceException(409, null, "Other rows refer to " + name + " " + id
                            + "; delete or change them first.", e);
                }
                throw unavailable(e);
            }
            if (!deleted) {
                throw notFound(id);
            }
            publish("deleted", key, null);
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
        Object key = key(id);
        synchronized (writes) {
            try {
                Optional<Map<String, Object>> row = store.read(key);
                publish(row.isPresent() ? "updated" : "deleted", key, row.orElse(null));
            } catch (SQLException e) {
                throw unavailable(e);
            }
        }
    }

    /** @return the resource as the schema document shows it */
    Map<String, Object> describe() {
        TableSchema s = started();
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("name", name);
        d.put("primaryKey", s.primaryKey().name());
        d.put("channel", channel());
        List<Map<String, Object>> columns = new java.util.ArrayList<>();
        for (Column column : s.columns().values()) {
            Map<String, Object> c = new LinkedHashMap<>(column.describe());
            relations.values().stream().filter(r -> r.column().equals(column)).findFirst().ifPresent(r ->
                    c.put("references", Map.of("resource", r.target().name(), "relation", r.name())));
            columns.add(c);
        }
        d.put("columns", columns);
        d.put("label", label());
        return d;
    }

    /** @return the column that names a row to people: the record's label, a unique text column, a text column, or the key */
    String label() {
        TableSchema s = started();
        if (declared != null) {
            return s.column(declared.label().name()).map(Column::name).orElse(s.primaryKey().name());
        }
        List<Column> text = s.columns().values().stream().filter(c -> c.kind() == Column.Kind.TEXT
                && !c.primaryKey()).toList();
        return text.stream().filter(c -> s.unique().stream().anyMatch(u -> u.equalsIgnoreCase(c.name()))).findFirst()
                .or(() -> text.stream().findFirst()).orElse(s.primaryKey()).name();
    }

    private void publish(String change, Object id, Map<String, Object> row) {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("resource", name);
        message.put("change", change);
        message.put("id", id);
        if (row != null) {
            message.put("row", row);
        }
        context.send(Target.channel(channel()), message);
        rowChannel(id).ifPresent(channel -> context.send(Target.channel(channel), message));
    }

    private Map<Column, Object> convert(Map<String, ?> values, boolean creating) {
        TableSchema s = started();
        Objects.requireNonNull(values, "values");
        Map<Column, Object> converted = new LinkedHashMap<>();
        for (Map.Entry<String, ?> e : values.entrySet()) {
            Column column = s.column(e.getKey()).orElseThrow(() -> ResourceException.badField(e.getKey(),
                    "'" + e.getKey() + "' is not a column of " + name + ". Columns: " + s.columns().keySet() + "."));
            if (column.primaryKey() && !creating) {
                throw ResourceException.badField(column.name(), column.name() + " is the key and cannot change.");
            }
            if (column.generated()) {
                throw ResourceException.badField(column.name(), column.name() + " is generated by the database;"
                        + " leave it out.");
            }
            converted.put(column, Values.toJdbc(column, e.getValue()));
        }
        return converted;
    }

    private Object key(Object id) {
        Column key = started().primaryKey();
        if (id instanceof String text) {
            try {
                return Values.fromQuery(key, text);
            } catch (ResourceException e) {
                throw notFound(id);
            }
        }
        return Values.toJdbc(key, id);
    }

    private ResourceException conflictOr(SQLException e, Map<Column, Object> values, Object id) {
        if (isIntegrityViolation(e)) {
            try {
                Optional<ResourceException> explained = store.explainConflict(values, id);
                if (explained.isPresent()) {
                    explained.get().initCause(e);
                    return explained.get();
                }
            } catch (SQLException again) {
                e.addSuppressed(again);
            }
            return new ResourceException(409, null, "The change conflicts with the table's constraints.", e);
        }
        if (e.getSQLState() != null && e.getSQLState().startsWith("22")) {
            return new ResourceException(400, null, "The database refused one of the values (out of range or"
                    + " too long for its column).", e);
        }
        return unavailable(e);
    }

    private static boolean isIntegrityViolation(SQLException e) {
        return e instanceof java.sql.SQLIntegrityConstraintViolationException
                || e.getSQLState() != null && e.getSQLState().startsWith("23");
    }

    private ResourceException unavailable(SQLException e) {
        return new ResourceException(503, null, "The database did not answer for " + name + "; try again in a"
                + " moment.", e);
    }

    private ResourceException notFound(Object id) {
        return new ResourceException(404, null, "There is no row " + id + " in " + name + ".");
    }

    private TableSchema started() {
        TableSchema s = schema;
        if (s == null) {
            throw new ResourceException(503, null, "The resource " + name + " is not started yet.");
        }
        return s;
    }
}
