package org.thywill.application.loader;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.thywill.api.http.HttpRequest;
import org.thywill.api.http.HttpResponse;

/** Serves each running application's browser files at {@code /thywill/app/{id}/{file}}. */
final class ApplicationFilesEndpoint extends RunningApplicationEndpoint {

    static final String PREFIX = "/thywill/app/";
    private static final Pattern PATH = Pattern.compile(
            PREFIX + APPLICATION_ID + "/((?:[A-Za-z0-9_-]+/)*[A-Za-z0-9_-][A-Za-z0-9_.-]*)");
    private static final Map<String, String> TYPES = Map.of(
            "js", "text/javascript;charset=utf-8",
            "css", "text/css;charset=utf-8",
            "html", "text/html;charset=utf-8",
            "json", "application/json",
            "svg", "image/svg+xml",
            "png", "image/png",
            "ico", "image/x-icon");

    ApplicationFilesEndpoint(Function<String, Optional<RunningApplication>> running) {
        super(PREFIX, running);
    }

    @Override
    public HttpResponse handle(HttpRequest request) {
        if (!request.method().equals("GET") && !request.method().equals("HEAD")) {
            return HttpResponse.text(405, "Only GET is served here.");
        }
        Matcher m = PATH.matcher(request.path());
        if (!m.matches() || m.group(2).contains("..")) {
            return HttpResponse.text(404, "Not found.");
        }
        String file = m.group(2);
        String extension = file.substring(file.lastIndexOf('.') + 1);
        return running(m.group(1))
                .flatMap(app -> app.file(file))
                .map(bytes -> HttpResponse.resource(TYPES.getOrDefault(extension, "application/octet-stream"), bytes))
                .orElseGet(() -> HttpResponse.text(404, "Not found."));
    }
}
