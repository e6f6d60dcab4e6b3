package org.thywill.push.redis;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import org.thywill.api.application.ApplicationContext;
import org.thywill.api.application.ApplicationDescriptor;
import org.thywill.api.client.Connection;
import org.thywill.api.client.ConnectionId;
import org.thywill.api.client.SessionId;
import org.thywill.api.delivery.DeliveryFailedException;
import org.thywill.api.delivery.Receipt;
import org.thywill.api.delivery.Target;
import org.thywill.api.presence.PresenceListener;
import org.thywill.testing.CommandProbe;

/**
 * A test application driven by commands, so that tests use only the public protocol: {@code join} (the sender's
 * session joins channel {@code room}, or the one a {@code room} field names), {@code say} (sends {@code text} to
 * that channel), {@code toMySession}
 * (sends {@code text} to every connection of the sender's session), {@code whoami} (answers the sender's session
 * and connection ids), {@code toSession} (sends {@code text} to session {@code session}), {@code presence} (answers
 * how many sessions are present in {@code room}), {@code watch} (the sender is told of presence changes this node
 * reports and of nodes declared down), and {@code toSessionReceipted} and {@code toConnectionReceipted} (send
 * {@code text} to {@code session} or {@code connection} with a receipt, and answer the sender {@code receipt} with
 * the receipt's number, or {@code receiptFailed} with why it failed), and {@code toUser} (sends {@code text} to
 * user {@code user}, with a receipt if {@code receipt} is true) and {@code logout} (logs user {@code user} out
 * everywhere with {@code text}, answering {@code ended}, how many connections this node ended) and {@code joinUser}
 * (user {@code user} joins {@code room}, answering {@code joinedUser}). Watchers are also
 * told of users joining and leaving as this node reports them: {@code userJoined} or {@code userLeft} and the id.
 */
public final class ClusterProbeApplication extends CommandProbe implements PresenceListener {

    /** The application's id. */
    public static final String ID = "cluster";
    /** The channel the probe uses. */
    public static final String ROOM = "room";

    /** For ServiceLoader. */
    public ClusterProbeApplication() {
        super(ID);
    }

    @Override
    public void onMessage(Connection from, Object data) {
        ApplicationContext context = context();
        Map<?, ?> command = (Map<?, ?>) data;
        Object text = command.get("text");
        String room = command.get("room") instanceof String name ? name : ROOM;
        switch (String.valueOf(command.get("cmd"))) {
            case "join" -> {
                context.join(room, from.id());
                answer(from, Map.of("joined", room));
            }
            case "say" -> context.send(Target.channel(room), Map.of("text", text));
            case "toMySession" -> context.send(Target.session(from.session()), Map.of("text", text));
            case "whoami" -> answer(from, Map.of("session", from.session().value(), "connection", from.id().value()));
            case "toSessionReceipted" -> tellReceipt(from, context.send(
                    Target.session(new SessionId(String.valueOf(command.get("session")))).withReceipt(),
                    Map.of("text", text)).receipt());
            case "toConnectionReceipted" -> tellReceipt(from, context.send(
                    Target.connection(new ConnectionId(String.valueOf(command.get("connection")))).withReceipt(),
                    Map.of("text", text)).receipt());
            case "toUser" -> {
                String user = String.valueOf(command.get("user"));
                if (Boolean.TRUE.equals(command.get("receipt"))) {
                    tellReceipt(from, context.send(Target.user(user).withReceipt(), Map.of("text", text)).receipt());
                } else {
                    context.send(Target.user(user), Map.of("text", text));
                }
            }
            case "joinUser" -> {
                context.joinUser(room, String.valueOf(command.get("user")));
                context.send(Target.connection(from.id()), Map.of("joinedUser", room));
            }
            case "logout" -> context.send(Target.connection(from.id()),
                    Map.of("ended", context.disconnectUser(String.valueOf(command.get("user")), String.valueOf(text))));
            case "toSession" -> context.send(Target.session(new SessionId(String.valueOf(command.get("session")))),
                    Map.of("text", text));
            case "presence" -> answer(from, Map.of("present", context.presence(ROOM).size()));
            case "watch" -> watch(from, Map.of("watching", true));
            default -> answer(from, Map.of("error", "unknown command " + command));
        }
    }

    private void tellReceipt(Connection from, CompletionStage<Receipt> receipt) {
        receipt.whenComplete((done, failure) -> {
            Throwable cause = failure instanceof CompletionException wrapped ? wrapped.getCause() : failure;
            answer(from, cause == null ? Map.of("receipt", done.seq())
                    : Map.of("receiptFailed", cause instanceof DeliveryFailedException lost ? lost.reason().name()
                            : String.valueOf(cause)));
        });
    }

    @Override
    public void joined(String channel, SessionId session) {
        tellWatchers(Map.of("event", "joined"));
    }

    @Override
    public void left(String channel, SessionId session) {
        tellWatchers(Map.of("event", "left"));
    }

    @Override
    public void userJoined(String userId) {
        tellWatchers(Map.of("userJoined", userId));
    }

    @Override
    public void userLeft(String userId) {
        tellWatchers(Map.of("userLeft", userId));
    }

    @Override
    public void nodeDown(String node, Set<SessionId> sessions) {
        tellWatchers(Map.of("nodeDown", node, "sessions", sessions.size()));
    }
}
