package org.thywill.api.application;

/**
 * How the server serves an application's page, as the application asks in {@link Application#pageOptions()}.
 *
 * @param ownAddress whether the page is served at {@code /thywill/{id}/} as well as at {@code /thywill/init/{id}/}
 *        (the root page only, for a short address an operator can type); a kernel endpoint at the same path wins
 * @param strictPolicy whether the page gets a strict Content-Security-Policy: scripts, styles and connections from
 *        this server only, and of the page's inline scripts exactly those it was served with, so that script
 *        injected into the page does not run. Off, the policy leaves scripts to the application (inline ones too)
 */
public record PageOptions(boolean ownAddress, boolean strictPolicy) {

    /** The page of an ordinary application: at {@code /thywill/init/{id}/} only, scripts left to it. */
    public static final PageOptions ORDINARY = new PageOptions(false, false);
}
