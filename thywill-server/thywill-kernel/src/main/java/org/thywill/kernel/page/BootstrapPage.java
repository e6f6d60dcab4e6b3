package org.thywill.kernel.page;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.thywill.api.Bootstrap;
import org.thywill.api.ClientConfiguration;
import org.thywill.api.ClientResource;
import org.thywill.api.Component;
import org.thywill.api.Slot;
import org.thywill.api.application.ApplicationInfo;
import org.thywill.api.application.ApplicationInterface;
import org.thywill.api.application.PageOptions;
import org.thywill.api.application.PageRequest;
import org.thywill.api.client.SessionId;
import org.thywill.api.http.HttpEndpoint;
import org.thywill.api.http.HttpResponse;

/**
 * Renders the page at {@code /thywill/init/}, the way thywill-python did: each component contributes in
 * {@link Slot} order, the page loads bootstrap resources by weight, then the application's, then calls
 * {@code thywill.bootstrap(config)}.
 */
public final class BootstrapPage implements Bootstrap {

    private final Supplier<Map<Slot, Component>> components;
    private final List<HttpEndpoint> kernelEndpoints;
    private final JsonEncoder json = new JsonEncoder();

    /** @param components the running components by slot, read at each request */
    public BootstrapPage(Supplier<Map<Slot, Component>> components) {
        this(components, List.of());
    }

    /**
     * @param components the running components by slot, read at each request
     * @param kernelEndpoints endpoints the kernel itself serves, such as the health report
     */
    public BootstrapPage(Supplier<Map<Slot, Component>> components, List<HttpEndpoint> kernelEndpoints) {
        this.components = components;
        this.kernelEndpoints = List.copyOf(kernelEndpoints);
    }

    @Override
    public List<String> applicationIds() {
        Component applications = components.get().get(Slot.APPLICATION);
        if (!(applications instanceof ApplicationInterface ai)) {
            return List.of();
        }
        return ai.applications().stream().map(ApplicationInfo::id).toList();
    }

    @Override
    public Optional<String> page(String applicationId, SessionId session) {
        return page(new PageRequest(applicationId, "/", Map.of(), session));
    }

    @Override
    public Optional<HttpResponse> beforePage(PageRequest request) {
        Component applications = components.get().get(Slot.APPLICATION);
        if (!(applications instanceof ApplicationInterface ai)) {
            return Optional.empty();
        }
        return ai.beforePage(request).map(json::encode);
    }

    @Override
    public PageOptions pageOptions(String applicationId) {
        return components.get().get(Slot.APPLICATION) instanceof ApplicationInterface ai
                ? ai.pageOptions(applicationId) : PageOptions.ORDINARY;
    }

    @Override
    public Optional<String> page(PageRequest request) {
        if (!applicationIds().contains(request.applicationId())) {
            return Optional.empty();
        }
        ClientConfiguration config = new ClientConfiguration(request.applicationId(), request.session(),
                request.path(), request.query());
        Map<Slot, Component> all = components.get();
        for (Slot slot : Slot.values()) {
            Component c = all.get(slot);
            if (c != null) {
                c.contribute(config);
            }
        }
        return Optional.of(render(config));
    }

    @Override
    public List<HttpEndpoint> endpoints() {
        List<HttpEndpoint> endpoints = new ArrayList<>(kernelEndpoints);
        Map<Slot, Component> all = components.get();
        for (Slot slot : Slot.values()) {
            Component c = all.get(slot);
            if (c != null) {
                endpoints.addAll(c.endpoints());
            }
        }
        return endpoints.stream().map(json::encoding).toList();
    }

    String render(ClientConfiguration config) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("applicationId", config.applicationId());
        json.put("path", config.path());
        json.put("bootstrap", config.bootstrapParameters());
        json.put("application", config.applicationParameters());

        List<ClientResource> resources = new ArrayList<>(config.bootstrapResources());
        resources.addAll(config.applicationResources());

        StringBuilder html = new StringBuilder(2048);
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(escape(config.title())).append("</title>\n");
        for (ClientResource r : resources) {
            if (r.kind() == ClientResource.Kind.STYLE) {
                html.append("<link rel=\"stylesheet\" href=\"").append(escape(r.url())).append("\">\n");
            }
        }
        html.append("<script>window.thywillConfig = ").append(this.json.write(json)).append(";</script>\n")
                .append("</head>\n<body>\n").append(config.body()).append('\n');
        for (ClientResource r : resources) {
            if (r.kind() == ClientResource.Kind.SCRIPT) {
                html.append("<script type=\"module\" src=\"").append(escape(r.url())).append("\"></script>\n");
            }
        }
        html.append("<script type=\"module\">window.thywill.bootstrap(window.thywillConfig);</script>\n")
                .append("</body>\n</html>\n");
        return html.toString();
    }

    /**
     * @param text any text
     * @return the text safe to place in HTML content or a quoted attribute
     */
    public static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
