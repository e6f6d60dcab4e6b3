package org.thywill.apps.chat;

import java.util.List;
import java.util.Optional;
import org.thywill.api.application.Application;
import org.thywill.api.application.ApplicationContext;
import org.thywill.api.application.ApplicationDescriptor;
import org.thywill.api.application.ClientSide;
import org.thywill.api.client.Connection;
import org.thywill.api.client.ConnectionId;
import org.thywill.api.client.SessionId;
import org.thywill.api.delivery.Target;
import org.thywill.api.presence.PresenceListener;
import org.thywill.api.presence.PresentSession;

/**
 * One chat room that every browser joins: messages go to everyone in it, the sender included. Who is online is the
 * room's presence: a person (a browser, however many tabs) arrives with their first tab and leaves when their last
 * one has been closed for the Push's grace period, so reloading the page neither announces a departure nor changes
 * the name. Arrivals, departures and renames are announced in the room.
 */
public final class ChatApplication implements Application, PresenceListener {

    /** The application channel every browser joins. */
    static final String ROOM = "room";

    private final DisplayNames names = new DisplayNames();
    private volatile ApplicationContext context;

    @Override
    public ApplicationDescriptor descriptor() {
        return new ApplicationDescriptor("chat", "Thywill chat", ClientSide.of("thywill/chat", "chat"));
    }

    @Override
    public void start(ApplicationContext context) {
        this.context = context;
        context.onPresence(this);
    }

    @Override
    public void stop() {
        context.onPresence(PresenceListener.NONE);
    }

    @Override
    public void onConnect(Connection connection) {
        String name = names.nameOrGuest(connection.session());
        context.join(ROOM, connection.id()); // a newcomer is present from here on: joined(...) announces it
        context.send(Target.connection(connection.id()), ChatEvents.welcome(name, online()));
    }

    @Override
    public void joined(String channel, SessionId session) {
        context.send(Target.channel(ROOM).except(session), ChatEvents.joined(names.nameOrGuest(session), now()));
    }

    @Override
    public void left(String channel, SessionId session) {
        Optional<String> name = names.nameOf(session);
        if (name.isEmpty()) {
            return;
        }
        boolean back = context.presence(ROOM).stream().anyMatch(p -> p.session().equals(session));
        if (!back) { // if it returned meanwhile, its joined(...) follows: it keeps its name
            names.remove(session);
        }
        context.send(Target.channel(ROOM).except(session), ChatEvents.left(name.get(), now()));
    }

    @Override
    public void onMessage(Connection from, Object data) {
        ConnectionId id = from.id();
        Optional<String> name = names.nameOf(from.session());
        if (name.isEmpty()) {
            return;
        }
        ChatRequest request = ChatRequest.parse(data);
        if (request instanceof ChatRequest.Say say) {
            context.send(Target.channel(ROOM), ChatEvents.said(name.get(), say.text(), now()));
        } else if (request instanceof ChatRequest.Rename rename) {
            rename(from.session(), id, name.get(), rename.name());
        } else if (request instanceof ChatRequest.Invalid invalid) {
            context.send(Target.connection(id), ChatEvents.error(invalid.reason()));
        }
    }

    private void rename(SessionId session, ConnectionId id, String current, String wanted) {
        if (current.equals(wanted)) {
            return;
        }
        Optional<String> old = names.rename(session, wanted);
        if (old.isPresent()) {
            context.send(Target.channel(ROOM), ChatEvents.renamed(old.get(), wanted, now()));
        } else {
            context.send(Target.connection(id), ChatEvents.error("Someone here is already called " + wanted
                    + ": choose another name."));
        }
    }

    /** @return the names of everyone present in the room, sorted as a person would look them up */
    private List<String> online() {
        return context.presence(ROOM).stream()
                .map(PresentSession::session)
                .map(names::nameOf)
                .flatMap(Optional::stream)
                .distinct()
                .sorted(String.CASE_INSENSITIVE_ORDER)
                .toList();
    }

    private static long now() {
        return System.currentTimeMillis();
    }
}
