package org.thywill.apps.chat;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.thywill.api.application.Application;
import org.thywill.api.application.ApplicationContext;
import org.thywill.api.application.ClientMessage;
import org.thywill.api.application.ApplicationDescriptor;
import org.thywill.api.application.ClientSide;
import org.thywill.api.application.NotPermittedException;
import org.thywill.api.auth.User;
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
 * the name. Arrivals, departures and renames are announced in the room. A signed-in person is called by their
 * login's name on every browser of theirs, and can be sent a private message ({@code Target.user}), which reaches
 * all those browsers and whose sender sees it delivered; signing out ends every browser of theirs.
 */
public final class ChatApplication implements Application, PresenceListener {

    /** The application channel every browser joins. */
    static final String ROOM = "room";

    private final DisplayNames names = new DisplayNames();
    /** The sessions whose last connection was signed in, so that one that signs out becomes a guest again. */
    private final Set<SessionId> signedIn = ConcurrentHashMap.newKeySet();
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
        SessionId session = connection.session();
        Optional<User> user = connection.user();
        Optional<String> before = names.nameOf(session);
        if (user.isPresent()) {
            names.signIn(session, user.get().claim("name").map(String::valueOf).orElse(user.get().id()));
            signedIn.add(session);
        } else if (signedIn.remove(session)) {
            names.remove(session); // signed out: a guest again
        }
        String name = names.nameOrGuest(session);
        if (before.isPresent() && !before.get().equals(name)) {
            // Signed in or out on a page reload, which is no arrival: the room learns the new name as a rename.
            context.send(Target.channel(ROOM), ChatEvents.renamed(before.get(), name, now()));
        }
        context.join(ROOM, connection.id()); // a newcomer is present from here on: joined(...) announces it
        context.send(Target.connection(connection.id()), ChatEvents.welcome(name, online(), user.isPresent()));
    }

    @Override
    public void joined(String channel, SessionId session) {
        String name = names.nameOrGuest(session);
        if (browsersOf(name) <= 1) { // a person's second browser is no arrival
            context.send(Target.channel(ROOM).except(session), ChatEvents.joined(name, now()));
        }
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
            signedIn.remove(session);
        }
        if (back || browsersOf(name.get()) == 0) { // nor is leaving one of two browsers a departure
            context.send(Target.channel(ROOM).except(session), ChatEvents.left(name.get(), now()));
        }
    }

    /** The words every browser of a person who signed out is shown, the one they signed out in included. */
    static final String SIGNED_OUT = "Signed out";

    /**
     * Only a signed-in person sends private messages or signs out, and only a guest picks a name; checked before
     * anything runs.
     */
    @Override
    public boolean permits(ClientMessage message) {
        ChatRequest request = ChatRequest.parse(message.data());
        if (request instanceof ChatRequest.Private && message.from().user().isEmpty()) {
            throw new NotPermittedException("Sign in to send private messages.");
        }
        if (request instanceof ChatRequest.Rename && message.from().user().isPresent()) {
            throw new NotPermittedException("Your name comes from your login; sign out to choose another.");
        }
        if (request instanceof ChatRequest.SignOut && message.from().user().isEmpty()) {
            throw new NotPermittedException("You are a guest: sign in before signing out.");
        }
        return true;
    }

    @Override
    public void onMessage(ClientMessage message) {
        Connection from = message.from();
        ConnectionId id = from.id();
        Optional<String> name = names.nameOf(from.session());
        if (name.isEmpty()) {
            return;
        }
        ChatRequest request = ChatRequest.parse(message.data());
        if (request instanceof ChatRequest.Say say) {
            context.send(Target.channel(ROOM), ChatEvents.said(name.get(), say.text(), now()));
        } else if (request instanceof ChatRequest.Private whisper) {
            whisper(message, name.get(), whisper);
        } else if (request instanceof ChatRequest.Rename rename) {
            rename(from.session(), id, name.get(), rename.name());
        } else if (request instanceof ChatRequest.SignOut) {
            // Every browser of theirs, on every node: each is told why and does not reconnect with its token.
            from.user().ifPresent(user -> context.disconnectUser(user.id(), SIGNED_OUT));
        } else if (request instanceof ChatRequest.Invalid invalid) {
            context.send(Target.connection(id), ChatEvents.error(invalid.reason()));
        }
    }

    /**
     * Sends a private message to the person on every browser of theirs (Target.user: each through its session's
     * inbox, so that a browser offline now gets it when it returns), and tells the sender's page once one of those
     * browsers showed it, or why none will (NO_SESSION: nobody ever signed in by that name).
     */
    private void whisper(ClientMessage message, String fromName, ChatRequest.Private whisper) {
        var event = ChatEvents.privately(fromName, whisper.to(), whisper.text(), now());
        context.reportDelivery(message, context.send(Target.user(whisper.to()).withReceipt(), event));
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

    /** @return how many browsers present in the room go by this name (a signed-in person may have several) */
    private long browsersOf(String name) {
        return context.presence(ROOM).stream()
                .map(PresentSession::session)
                .filter(session -> names.nameOf(session).filter(name::equals).isPresent())
                .count();
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
