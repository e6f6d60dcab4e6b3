package org.thywill.delivery;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.thywill.api.client.ClientInterface;
import org.thywill.api.client.SessionId;
import org.thywill.api.delivery.Receipt;
import org.thywill.api.delivery.Sent;
import org.thywill.api.delivery.Target;
import org.thywill.api.push.Envelopes;

/**
 * The part of the one addressed send that reaches this server's own connections, shared by every Push: a connection
 * is handed its message by the Client Interface, a session through its inbox, and a channel fans out from the
 * {@link Memberships}' local index (never from the store where membership lives) to its member sessions' inboxes, or,
 * at most once, to their live connections in one message encoded once. A clustered Push adds what reaches the other
 * nodes.
 */
public final class LocalDelivery {

    private final ClientInterface clients;
    private final SessionInboxes inboxes;
    private final Memberships members;

    /**
     * @param clients delivers to the connections
     * @param inboxes the session inboxes
     * @param members the sessions held here and their channels
     */
    public LocalDelivery(ClientInterface clients, SessionInboxes inboxes, Memberships members) {
        this.clients = clients;
        this.inboxes = inboxes;
        this.members = members;
    }

    /**
     * Sends to a target's connections held here.
     *
     * @param applicationId the sending application
     * @param target where it goes
     * @param envelope the envelope
     * @return how many connections here it was queued for, and its receipt
     */
    public Sent send(String applicationId, Target target, Map<String, Object> envelope) {
        if (target instanceof Target.ToConnection to) {
            return toConnection(applicationId, to, envelope);
        }
        if (target instanceof Target.ToSession to) {
            return toSession(applicationId, to, envelope);
        }
        Target.ToChannel to = (Target.ToChannel) target;
        return Sent.withoutReceipt(toChannel(applicationId, to, envelope), to);
    }

    /** Sends to one connection, if it is here; with a receipt number if one is asked for. */
    public Sent toConnection(String applicationId, Target.ToConnection to, Map<String, Object> envelope) {
        if (!to.receipted()) {
            return Sent.withoutReceipt(clients.deliver(List.of(to.connection()),
                    Envelopes.applicationChannel(applicationId), envelope), to);
        }
        CompletableFuture<Receipt> receipt = new CompletableFuture<>();
        return new Sent(inboxes.deliverReceipted(to.connection(), applicationId, envelope, receipt) ? 1 : 0, receipt);
    }

    /** Sends to a session through its inbox here. */
    public Sent toSession(String applicationId, Target.ToSession to, Map<String, Object> envelope) {
        if (!to.receipted()) {
            return Sent.withoutReceipt(inboxes.deliver(to.session(), applicationId, envelope, null), to);
        }
        CompletableFuture<Receipt> receipt = new CompletableFuture<>();
        return new Sent(inboxes.deliver(to.session(), applicationId, envelope, receipt), receipt);
    }

    /**
     * Fans a channel's message out to its member sessions held here.
     *
     * @return how many connections it was queued for
     */
    public int toChannel(String applicationId, Target.ToChannel to, Map<String, Object> envelope) {
        if (!to.throughInboxes()) {
            // One message for every live connection, encoded once; nothing numbered, nothing kept.
            return clients.deliver(members.local().targets(applicationId, to.channel(), to.exceptSession(),
                    to.exceptConnection()), Envelopes.channel(applicationId, to.channel()), envelope);
        }
        List<SessionId> held = members.heldMembers(applicationId, to.channel(), to.exceptSession());
        return held.isEmpty() ? 0
                : inboxes.deliverToChannel(held, applicationId, to.channel(), envelope, to.exceptConnection());
    }
}
