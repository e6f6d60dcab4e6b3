package org.thywill.client.cometd;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.cometd.server.http.jakarta.CometDServlet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.thywill.http.JsonLimits;

/**
 * CometD's servlet, answering what it cannot handle in Bayeux's error shape rather than with the container's HTML
 * error page: a malformed body ({@link MalformedBayeux}: 400, 413) with its reason, a body in another charset than
 * UTF-8 with 415 (CometD would decode it apart, and log its parse failures as warnings), anything else with its
 * status and no detail.
 */
final class BayeuxServlet extends CometDServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(BayeuxServlet.class);

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        if (!"OPTIONS".equals(request.getMethod()) && !JsonLimits.utf8(request.getCharacterEncoding())) {
            write(response, new MalformedBayeux(415, null, null, "send JSON in UTF-8"));
            return;
        }
        super.service(request, response);
    }

    @Override
    protected void sendError(HttpServletRequest request, HttpServletResponse response, int code, Throwable failure) {
        MalformedBayeux malformed = find(failure);
        if (malformed == null) {
            if (code >= 500) {
                LOG.warn("A Bayeux request failed", failure);
            } else {
                LOG.debug("A Bayeux request was refused with {}", code, failure);
            }
            malformed = new MalformedBayeux(code, null, null, code >= 500 ? "server error"
                    : code == HttpServletResponse.SC_CONFLICT ? "replaced by a newer /meta/connect" : "refused");
        }
        try {
            write(response, malformed);
        } catch (IOException | IllegalStateException e) {
            LOG.debug("Could not answer a failed Bayeux request", e);
        }
    }

    private static MalformedBayeux find(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof MalformedBayeux malformed) {
                return malformed;
            }
        }
        return null;
    }

    private static void write(HttpServletResponse response, MalformedBayeux malformed) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.resetBuffer();
        response.setStatus(malformed.status());
        response.setContentType("application/json;charset=utf-8");
        response.setHeader("Cache-Control", "no-store");
        if (malformed.status() == HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE) {
            // Past the drain limit the rest of the body stays unread and the server ends the connection: saying so
            // keeps a client from sending its next request on a socket that is about to close.
            response.setHeader("Connection", "close");
        }
        response.getWriter().write(malformed.replyJson());
        response.flushBuffer();
    }
}
