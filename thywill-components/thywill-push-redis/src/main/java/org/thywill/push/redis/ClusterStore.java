package org.thywill.push.redis;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import io.lettuce.core.Limit;
import io.lettuce.core.Range;
import io.lettuce.core.ScriptOutputType;
import org.thywill.api.client.SessionId;
import org.thywill.api.presence.PresentSession;
import org.thywill.delivery.AppSession;

/**
 * What the cluster shares in Redis (membership, presence, nodes and their connections), changed only through
 * small Lua scripts so that each change is atomic: two nodes never both see a session arrive, or both end its
 * presence. Every method returns at once; the reply completes on a Lettuce thread, in the order the calls were
 * made, and fails while Redis is unreachable.
 */
final class ClusterStore {

    /** @param changed whether the call made a change; @param channels the session's channels, where asked;
     *  @param logTail the id of the log's last entry when the change was made, where asked, else null;
     *  @param user the user who became present, or left, with the change, else null */
    record Outcome(boolean changed, Set<String> channels, String logTail, String user) {
        Outcome(boolean changed, Set<String> channels) {
            this(changed, channels, null, null);
        }
    }

    /** @param id a log entry's id; @param text the bus message it keeps */
    record LogEntry(String id, String text) {
    }

    /** @param session a session that left; @param channels the channels it left; @param user the user who left
     *  with it, or null */
    record Departure(AppSession session, Set<String> channels, String user) {
    }

    /** @param sessions the sessions connected to a node; @param orphans those of them left without a connection
     *  anywhere, and those lingering there, whose departure the releasing node now owns, with their channels;
     *  @param lingering the sessions lingering there; @param position the last log entry the node recorded as
     *  handled, or null */
    record Released(List<AppSession> sessions, List<Departure> orphans, List<AppSession> lingering,
                    String position) {
    }

    /** @param registered whether the node was not registered before; @param up the nodes up; @param silent the
     *  nodes registered that stopped heart-beating */
    record Beat(boolean registered, Set<String> up, Set<String> silent) {
    }

    private static final String ATTACH = script("attach.lua");
    private static final String DETACH = script("user-left.lua") + script("detach.lua");
    private static final String DEPART = script("user-left.lua") + script("depart.lua");
    private static final String HEARTBEAT = script("heartbeat.lua");
    private static final String RELEASE = script("release.lua");
    private static final String JOIN = script("join.lua");
    private static final String LEAVE = script("leave.lua");
    private static final String PRESENCE = script("presence.lua");
    private static final String LOG = script("log.lua");
    private static final String SWEEP = script("sweep.lua");
    private static final String[] NO_KEYS = new String[0];

    private final RedisLink link;
    private final Keys keys;
    private final String node;

    /**
     * @param link the connection to Redis
     * @param keys the cluster's key names
     * @param node this node's id
     */
    ClusterStore(RedisLink link, Keys keys, String node) {
        this.link = link;
        this.keys = keys;
        this.node = node;
    }

    /**
     * This node now holds {@code count} (at least 1) connections of the session to the application.
     *
     * @param user the id of the user whose connection it is, or "" for none
     * @return whether the session became present, its channels, the log's last entry, and the user who became
     *         present with it
     */
    CompletionStage<Outcome> attach(String applicationId, SessionId session, int count, String user) {
        return this.<List<Object>>eval(ATTACH, applicationId, session.value(), Integer.toString(count), user)
                .thenApply(reply -> new Outcome(number(reply.get(0)) == 1, strings(reply.get(1)),
                        String.valueOf(reply.get(2)), userAt(reply, 3)));
    }

    /**
     * This node now holds {@code count} (perhaps 0) connections of the session to the application.
     *
     * @return whether the session left at once (a grace of 0), the channels it left, and the user who left with it
     */
    CompletionStage<Outcome> detach(String applicationId, SessionId session, int count, long graceMillis) {
        return this.<List<Object>>eval(DETACH, applicationId, session.value(), Integer.toString(count),
                Long.toString(graceMillis)).thenApply(ClusterStore::outcome);
    }

    /**
     * Ends the presence of sessions whose grace period is over.
     *
     * @param slackMillis how overdue another node's departure must be before this node claims it
     * @return the sessions that left
     */
    CompletionStage<List<Departure>> depart(long slackMillis) {
        return this.<List<Object>>eval(DEPART, Long.toString(slackMillis)).thenApply(rows -> {
            List<Departure> left = new ArrayList<>(rows.size());
            for (Object row : rows) {
                List<?> fields = (List<?>) row;
                left.add(new Departure(new AppSession((String) fields.get(0), new SessionId((String) fields.get(1))),
                        strings(fields.get(2)), userAt(fields, 3)));
            }
            return left;
        });
    }

    /**
     * @param ttlMillis how long the heartbeat lasts
     * @return the nodes up and those gone silent
     */
    CompletionStage<Beat> heartbeat(long ttlMillis) {
        return this.<List<Object>>eval(HEARTBEAT, Long.toString(ttlMillis)).thenApply(reply ->
                new Beat(number(reply.get(0)) == 1, strings(reply.get(1)), strings(reply.get(2))));
    }

    /**
     * Forgets every connection a node held; sessions left without any depart after the grace period.
     *
     * @param released the node
     * @param claim true to do it only if {@code released} is still registered, unregistering it (for a node that
     *              went silent: exactly one node does this); false for this node's own connections
     * @param graceMillis the grace period
     * @return the sessions the node held, or null if another node claimed it first
     */
    CompletionStage<Released> release(String released, boolean claim, long graceMillis) {
        return this.<List<Object>>evalAs(RELEASE, released, node, Long.toString(graceMillis), claim ? "1" : "0")
                .thenApply(reply -> {
                    if (number(reply.get(0)) == 0) {
                        return null;
                    }
                    List<AppSession> sessions = appSessions(reply.get(1));
                    List<Departure> orphans = new ArrayList<>();
                    for (Object row : (List<?>) reply.get(2)) {
                        List<?> fields = (List<?>) row;
                        orphans.add(new Departure(new AppSession(String.valueOf(fields.get(0)),
                                new SessionId(String.valueOf(fields.get(1)))), strings(fields.get(2)), null));
                    }
                    String position = reply.size() > 4 ? String.valueOf(reply.get(4)) : "";
                    return new Released(sessions, orphans, reply.size() > 3 ? appSessions(reply.get(3)) : List.of(),
                            position.isEmpty() ? null : position);
                });
    }

    /**
     * Publishes a delivery on the bus and keeps it in the log, atomically.
     *
     * @param text the bus message's JSON
     * @param retainMillis how long the log keeps entries
     * @return the entry's id
     */
    CompletionStage<String> log(String text, long retainMillis) {
        return link.commands().eval(LOG, ScriptOutputType.VALUE, NO_KEYS, keys.prefix(), Long.toString(retainMillis),
                text);
    }

    /** @return the id of the log's last entry, or {@link LogIds#START} when it is empty */
    CompletionStage<String> logTail() {
        return link.commands().xrevrange(keys.log(), Range.create("-", "+"), Limit.from(1))
                .thenApply(last -> last.isEmpty() ? LogIds.START : last.get(0).getId());
    }

    /**
     * @param from an entry's id
     * @param upTo a later entry's id, inclusive, or {@code +} for the log's end
     * @param count the most entries to read
     * @return the log's entries after {@code from} up to {@code upTo}, in order
     */
    CompletionStage<List<LogEntry>> after(String from, String upTo, int count) {
        return link.commands().xrange(keys.log(), Range.create(from, upTo), Limit.from(count + 1L))
                .thenApply(messages -> {
                    List<LogEntry> entries = new ArrayList<>(messages.size());
                    for (var message : messages) {
                        if (!message.getId().equals(from)) {
                            entries.add(new LogEntry(message.getId(), message.getBody().get("m")));
                        }
                    }
                    return entries.size() > count ? entries.subList(0, count) : entries;
                });
    }

    /**
     * Records how far this node has handled the log.
     *
     * @param id the last entry it handed to its clients
     */
    CompletionStage<Boolean> position(String id) {
        return link.commands().hset(keys.positions(), node, id);
    }

    /** @return whether the session was not a member before, and (as its only channel, if present) the channel */
    CompletionStage<Outcome> join(String applicationId, String channel, SessionId session) {
        return this.<List<Object>>evalRaw(JOIN, applicationId, channel, session.value()).thenApply(reply ->
                new Outcome(number(reply.get(0)) == 1, number(reply.get(1)) == 1 ? Set.of(channel) : Set.of()));
    }

    /** @return whether the session was a member, and (as its only channel, if present) the channel */
    CompletionStage<Outcome> leave(String applicationId, String channel, SessionId session) {
        return this.<List<Object>>evalRaw(LEAVE, applicationId, channel, session.value()).thenApply(reply ->
                new Outcome(number(reply.get(0)) == 1, number(reply.get(1)) == 1 ? Set.of(channel) : Set.of()));
    }

    /** @return the sessions present in the channel anywhere in the cluster */
    CompletionStage<List<PresentSession>> presence(String applicationId, String channel) {
        return this.<List<Object>>evalRaw(PRESENCE, applicationId, channel).thenApply(rows -> {
            List<PresentSession> here = new ArrayList<>(rows.size());
            for (Object row : rows) {
                List<?> fields = (List<?>) row;
                here.add(new PresentSession(new SessionId((String) fields.get(0)), (int) number(fields.get(1))));
            }
            return List.copyOf(here);
        });
    }

    /** @return the channel's member sessions, connected or not */
    CompletionStage<Set<SessionId>> memberSessions(String applicationId, String channel) {
        return link.commands().smembers(keys.members(applicationId, channel)).thenApply(values -> {
            Set<SessionId> sessions = new LinkedHashSet<>();
            values.forEach(value -> sessions.add(new SessionId(value)));
            return Set.copyOf(sessions);
        });
    }

    /** @return whether the session is present in the application's channels somewhere in the cluster */
    CompletionStage<Boolean> present(String applicationId, SessionId session) {
        return link.commands().exists(keys.present(applicationId, session.value())).thenApply(n -> n > 0);
    }

    /** Runs a script with the prefix and this node first. */
    /**
     * Forgets the channel memberships of sessions idle for the session lifetime, at most {@code count} of them.
     *
     * @param lifetimeMillis the Database's session lifetime
     * @param count the most sessions to look at
     * @return how many sessions it looked at (all of them idle; fewer than {@code count} when none is left)
     */
    CompletionStage<Long> sweep(long lifetimeMillis, int count) {
        return this.<List<Object>>evalRaw(SWEEP, Long.toString(lifetimeMillis), Integer.toString(count))
                .thenApply(reply -> number(reply.get(1)));
    }

    private <T> CompletionStage<T> eval(String script, String... args) {
        String[] all = new String[args.length + 2];
        all[0] = keys.prefix();
        all[1] = node;
        System.arraycopy(args, 0, all, 2, args.length);
        return link.commands().eval(script, ScriptOutputType.MULTI, NO_KEYS, all);
    }

    /** Runs a script with the prefix and another node first, then this node. */
    private <T> CompletionStage<T> evalAs(String script, String other, String... args) {
        String[] all = new String[args.length + 2];
        all[0] = keys.prefix();
        all[1] = other;
        System.arraycopy(args, 0, all, 2, args.length);
        return link.commands().eval(script, ScriptOutputType.MULTI, NO_KEYS, all);
    }

    /** Runs a script with the prefix first. */
    private <T> CompletionStage<T> evalRaw(String script, String... args) {
        String[] all = new String[args.length + 1];
        all[0] = keys.prefix();
        System.arraycopy(args, 0, all, 1, args.length);
        return link.commands().eval(script, ScriptOutputType.MULTI, NO_KEYS, all);
    }

    private static List<AppSession> appSessions(Object entries) {
        List<AppSession> sessions = new ArrayList<>();
        for (String entry : strings(entries)) {
            int cut = entry.indexOf('\n');
            sessions.add(new AppSession(entry.substring(0, cut), new SessionId(entry.substring(cut + 1))));
        }
        return sessions;
    }

    private static Outcome outcome(List<Object> reply) {
        return new Outcome(number(reply.get(0)) == 1, strings(reply.get(1)), null, userAt(reply, 2));
    }

    /** @return the user id a script answered at {@code index}, or null for '' or none */
    private static String userAt(List<?> reply, int index) {
        return reply.size() > index && reply.get(index) instanceof String user && !user.isEmpty() ? user : null;
    }

    private static long number(Object value) {
        return value instanceof Number n ? n.longValue() : Long.parseLong(String.valueOf(value));
    }

    private static Set<String> strings(Object value) {
        Set<String> all = new LinkedHashSet<>();
        if (value instanceof List<?> list) {
            list.forEach(item -> all.add(String.valueOf(item)));
        }
        return all;
    }

    private static String script(String name) {
        try (InputStream in = ClusterStore.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("The script " + name + " is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
