package org.thywill.auth;

import java.net.URI;
import java.time.Duration;
import org.thywill.api.SettingsException;

/**
 * The {@code authentication} section for implementation {@code callback}: the host application's own login decides,
 * asked over HTTP at every handshake and refresh (as Centrifugo's connect proxy).
 *
 * <table>
 *   <caption>Keys</caption>
 *   <tr><th>Name</th><th>Default</th><th>Description</th></tr>
 *   <tr><td>{@code url}</td><td>none (needed)</td><td>Where Thywill POSTs each page's credentials
 *   ({@code http://} or {@code https://}).</td></tr>
 *   <tr><td>{@code timeout}</td><td>{@code 5s}</td><td>How long Thywill waits for the answer; a page whose
 *   login does not answer in time is refused with {@code authentication-unavailable} and tries again
 *   later.</td></tr>
 *   <tr><td>{@code secret}</td><td>none</td><td>When set, sent as {@code Authorization: Bearer <secret>} so that
 *   the host application knows the call comes from Thywill.</td></tr>
 *   <tr><td>{@code refreshBefore}</td><td>{@code 60s}</td><td>How long before an answer's {@code expires} the page
 *   asks for a new token (at the latest halfway through a shorter life).</td></tr>
 * </table>
 *
 * @param url the login callback's address
 * @param timeout how long to wait for it
 * @param secret the bearer secret sent to it, empty for none
 * @param refreshBefore how early the page refreshes
 */
public record CallbackSettings(String url, Duration timeout, String secret, Duration refreshBefore) {

    /** Applies defaults and validates. */
    public CallbackSettings {
        url = url == null ? "" : url.trim();
        timeout = timeout == null ? Duration.ofSeconds(5) : timeout;
        secret = secret == null ? "" : secret;
        refreshBefore = refreshBefore == null ? Duration.ofSeconds(60) : refreshBefore;
        SettingsException.require(!url.isEmpty(), "url", "is needed: the address of the host application's login"
                + " callback, for example http://127.0.0.1:8081/thywill-login");
        URI parsed;
        try {
            parsed = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new SettingsException("url", "is not a URL (" + e.getMessage() + "): '" + url + "'");
        }
        SettingsException.require(("http".equals(parsed.getScheme()) || "https".equals(parsed.getScheme()))
                && parsed.getHost() != null, "url",
                "must be an http:// or https:// URL with a host, not '" + url + "'");
        SettingsException.require(!timeout.isNegative() && !timeout.isZero()
                && timeout.compareTo(Duration.ofMinutes(1)) <= 0, "timeout",
                "must be between 1ms and 1m, not " + timeout.toMillis() + "ms");
        SettingsException.require(!refreshBefore.isNegative(), "refreshBefore",
                "must be at least 0s, not " + refreshBefore.toMillis() + "ms");
    }
}
