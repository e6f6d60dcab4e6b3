package org.thywill.http;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Locale;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.ForwardedRequestCustomizer;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.InetAddressSet;
import org.thywill.api.SettingsException;

/**
 * Believes {@code Forwarded} and {@code X-Forwarded-*} headers only on connections from the reverse proxies of the
 * setting {@code server.trustedProxies}: Jetty's {@link ForwardedRequestCustomizer} believes any sender. Behind a
 * believed proxy a request then carries the browser's scheme, host and address, so the origin check, the per-address
 * limits, {@code isSecure()} and the logs see what the browser used.
 *
 * <p>A client may send its own {@code X-Forwarded-For}, to which each proxy appends the address it saw; the client's
 * address is therefore the right-most one that no trusted proxy holds, and only that one reaches Jetty.
 */
final class TrustedProxies implements HttpConfiguration.Customizer {

    private final InetAddressSet trusted = new InetAddressSet();
    private final ForwardedRequestCustomizer forwarded = new ForwardedRequestCustomizer();

    /** @param proxies addresses and networks, as {@code server.trustedProxies} holds them */
    TrustedProxies(List<String> proxies) {
        for (String proxy : proxies) {
            try {
                trusted.add(proxy.strip());
            } catch (IllegalArgumentException e) {
                throw new SettingsException("trustedProxies", "holds '" + proxy + "', which is no IP address or"
                        + " network such as 10.0.0.5 or 10.0.0.0/8: " + e.getMessage());
            }
        }
    }

    /** @return whether any proxy is trusted, so that the customizer is worth adding */
    boolean any() {
        return !trusted.isEmpty();
    }

    @Override
    public Request customize(Request request, HttpFields.Mutable responseHeaders) {
        if (!trusts(request.getConnectionMetaData().getRemoteSocketAddress())) {
            return request;
        }
        HttpFields headers = request.getHeaders();
        List<String> chain = headers.getCSV(HttpHeader.X_FORWARDED_FOR, false);
        if (chain.size() > 1) {
            HttpFields.Mutable client = HttpFields.build(headers);
            client.put(HttpHeader.X_FORWARDED_FOR, clientOf(chain));
            request = new Request.Wrapper(request) {
                @Override
                public HttpFields getHeaders() {
                    return client;
                }
            };
        }
        return forwarded.customize(request, responseHeaders);
    }

    private boolean trusts(java.net.SocketAddress peer) {
        return peer instanceof InetSocketAddress socket && socket.getAddress() != null
                && trusted.test(socket.getAddress());
    }

    /** @return the right-most address of the chain that no trusted proxy holds, or the left-most if all are */
    private String clientOf(List<String> chain) {
        for (int i = chain.size() - 1; i > 0; i--) {
            InetAddress address = literal(chain.get(i));
            if (address == null || !trusted.test(address)) {
                return chain.get(i);
            }
        }
        return chain.get(0);
    }

    /** @return the address an entry names, or null for a name or garbage (which no pattern matches) */
    private static InetAddress literal(String entry) {
        String address = entry.strip().toLowerCase(Locale.ROOT);
        if (address.startsWith("[") && address.contains("]")) {
            address = address.substring(1, address.indexOf(']'));
        }
        if (!address.matches("[0-9]{1,3}(\\.[0-9]{1,3}){3}|[0-9a-f:.]*:[0-9a-f:.]*")) {
            return null;
        }
        try {
            return InetAddress.getByName(address);
        } catch (java.net.UnknownHostException e) {
            return null;
        }
    }
}
