package org.thywill.kernel.health;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.thywill.api.Health;
import org.thywill.api.Slot;
import org.thywill.api.http.HttpEndpoint;
import org.thywill.api.http.HttpRequest;
import org.thywill.api.http.HttpResponse;
import org.thywill.kernel.components.ChosenComponent;

/**
 * {@code GET /thywill/health}: each component's state as JSON, 200 when all are up and 503 when one is not, for load
 * balancers and docker-compose's health check. While the server stops it answers 503 with status {@code draining},
 * so that a load balancer sends no new clients to it. Each component's detail (a database URL, a file path, the
 * reason it is down) is given only to a request from this machine; the admin console shows it too.
 */
public final class HealthEndpoint implements HttpEndpoint {

    private static final Pattern IP_LITERAL = Pattern.compile("[0-9.]+|[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");
    private final Supplier<Map<Slot, ChosenComponent>> components;
    private final BooleanSupplier draining;

    /**
     * @param components the running components, read at each request
     * @param draining whether the server is stopping, read at each request
     */
    public HealthEndpoint(Supplier<Map<Slot, ChosenComponent>> components, BooleanSupplier draining) {
        this.components = components;
        this.draining = draining;
    }

    @Override
    public String pathPrefix() {
        return "/thywill/health";
    }

    @Override
    public HttpResponse handle(HttpRequest request) {
        if (!request.path().equals("/thywill/health") && !request.path().equals("/thywill/health/")) {
            return HttpResponse.text(404, "Not found.");
        }
        Map<String, Object> report = new LinkedHashMap<>();
        boolean allUp = true;
        boolean local = loopback(request.remoteAddress());
        for (Map.Entry<Slot, ChosenComponent> e : components.get().entrySet()) {
            Health health = check(e.getValue());
            allUp &= health.up();
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("implementation", e.getValue().implementation());
            one.put("status", health.up() ? "up" : "down");
            if (local) {
                one.put("detail", health.detail());
            }
            report.put(e.getKey().key(), one);
        }
        boolean stopping = draining.getAsBoolean();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", stopping ? "draining" : allUp ? "up" : "down");
        body.put("components", report);
        return HttpResponse.json(allUp && !stopping ? 200 : 503, body).withHeaders(Map.of("Cache-Control", "no-store"));
    }

    /** @return whether the address is this machine's; parsed as a literal only, never looked up */
    static boolean loopback(String address) {
        String literal = address != null && address.startsWith("[") && address.endsWith("]")
                ? address.substring(1, address.length() - 1) : address;
        if (literal == null || !IP_LITERAL.matcher(literal).matches()) {
            return false;
        }
        try {
            return InetAddress.getByName(literal).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static Health check(ChosenComponent component) {
        try {
            Health health = component.component().health();
            return health == null ? Health.down("reported no state") : health;
        } catch (RuntimeException e) {
            return Health.down("health check failed: " + e);
        }
    }
}
