package org.thywill.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.eclipse.jetty.http.HttpCookie;

/** Loads an application's page as a browser does before its script connects, for the session cookie it sets. */
final class PageLoad {

    private PageLoad() {
    }

    /**
     * @param server the server's base URI
     * @param applicationId the application whose page to load
     * @return the session cookie the page set
     */
    static HttpCookie sessionCookie(URI server, String applicationId) {
        try {
            HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    server.resolve("/thywill/init/" + applicationId + "/")).build(),
                    HttpResponse.BodyHandlers.ofString());
            String header = page.headers().firstValue("set-cookie")
                    .orElseThrow(() -> new IllegalStateException("The page set no session cookie: " + page));
            String pair = header.split(";", 2)[0];
            int eq = pair.indexOf('=');
            return HttpCookie.from(pair.substring(0, eq), pair.substring(eq + 1));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
