package org.thywill.resources;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.thywill.testing.TestJson;

/** A plain HTTP client of the REST API, as curl would be: no cookie, JSON in and out. */
final class Http {

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final URI server;

    Http(URI server) {
        this.server = server;
    }

    /** An answer: its status, the JSON body (null for none) and its Location header. */
    record Answer(int status, Object json, String location) {

        @SuppressWarnings("unchecked")
        Map<String, Object> map() {
            return (Map<String, Object>) json;
        }

        @SuppressWarnings("unchecked")
        Map<String, Object> error() {
            return (Map<String, Object>) map().get("error");
        }

        Answer expect(int expected) {
            assertEquals(expected, status, () -> "status of an answer with body " + TestJson.write(json));
            return this;
        }
    }

    Answer get(String path) {
        return send(HttpRequest.newBuilder(server.resolve(path)).GET());
    }

    Answer post(String path, Object body) {
        return send(json(path, body).POST(HttpRequest.BodyPublishers.ofString(TestJson.write(body))));
    }

    Answer patch(String path, Object body) {
        return send(json(path, body).method("PATCH", HttpRequest.BodyPublishers.ofString(TestJson.write(body))));
    }

    Answer put(String path, Object body) {
        return send(json(path, body).PUT(HttpRequest.BodyPublishers.ofString(TestJson.write(body))));
    }

    Answer delete(String path, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(server.resolve(path)).DELETE();
        if (headers.length > 0) {
            b.headers(headers);
        }
        return send(b);
    }

    Answer raw(String method, String path, String contentType, String body) {
        return send(HttpRequest.newBuilder(server.resolve(path)).header("Content-Type", contentType)
                .method(method, HttpRequest.BodyPublishers.ofString(body)));
    }

    private HttpRequest.Builder json(String path, Object body) {
        return HttpRequest.newBuilder(server.resolve(path)).header("Content-Type", "application/json");
    }

    private Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> r = client.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            boolean isJson = r.headers().firstValue("Content-Type").orElse("").startsWith("application/json");
            Object json = r.body().isEmpty() || !isJson ? null : TestJson.parse(r.body());
            return new Answer(r.statusCode(), json, r.headers().firstValue("Location").orElse(null));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
