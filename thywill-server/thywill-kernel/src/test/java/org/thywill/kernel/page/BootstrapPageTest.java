package org.thywill.kernel.page;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.thywill.api.ClientConfiguration;
import org.thywill.api.ClientResource;
import org.thywill.api.Component;
import org.thywill.api.Slot;
import org.thywill.api.application.ApplicationInfo;
import org.thywill.api.application.ApplicationInterface;
import org.thywill.api.application.PageRequest;
import org.thywill.api.client.SessionId;
import org.thywill.api.http.HttpEndpoint;
import org.thywill.api.http.HttpRequest;
import org.thywill.api.http.HttpResponse;

/** The page at {@code /thywill/init/}: who contributes in which order, and what is escaped. */
class BootstrapPageTest {

    private static final SessionId SESSION = new SessionId("s1");

    private final Map<Slot, Component> components = new EnumMap<>(Slot.class);
    private final BootstrapPage page = new BootstrapPage(() -> components);

    /** A component that contributes what the test says. */
    private static Component contributing(Consumer<ClientConfiguration> contribution, HttpEndpoint... endpoints) {
        return new Component() {
            @Override
            public void contribute(ClientConfiguration configuration) {
                contribution.accept(configuration);
            }

            @Override
            public List<HttpEndpoint> endpoints() {
                return List.of(endpoints);
            }
        };
    }

    /** An application interface running the given applications and contributing what the test says. */
    private static ApplicationInterface applications(List<String> ids, Consumer<ClientConfiguration> contribution) {
        return new ApplicationInterface() {
            @Override
            public List<ApplicationInfo> applications() {
                return ids.stream().map(id -> new ApplicationInfo(id, id, "class path")).toList();
            }

            @Override
            public void contribute(ClientConfiguration configuration) {
                contribution.accept(configuration);
            }
        };
    }

    private static List<String> all(String regex, String html) {
        List<String> found = new ArrayList<>();
        Matcher m = Pattern.compile(regex).matcher(html);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    @Test
    void aPageForAPathCarriesItInTheConfigurationAndBeforePageAsksTheApplicationSlot() {
        components.put(Slot.APPLICATION, new ApplicationInterface() {
            @Override
            public List<ApplicationInfo> applications() {
                return List.of(new ApplicationInfo("echo", "echo", "class path"));
            }

            @Override
            public Optional<HttpResponse> beforePage(PageRequest request) {
                return request.path().equals("/secret") ? Optional.of(HttpResponse.text(403, "no"))
                        : Optional.empty();
            }
        });
        String html = page.page(new PageRequest("echo", "/items/42", Map.of(), SESSION)).orElseThrow();
        assertTrue(html.contains("\"path\":\"/items/42\""), html);
        assertEquals(403, page.beforePage(new PageRequest("echo", "/secret", Map.of(), SESSION)).orElseThrow()
                .status());
        assertTrue(page.beforePage(new PageRequest("echo", "/items/42", Map.of(), SESSION)).isEmpty());
        components.remove(Slot.APPLICATION);
        assertTrue(page.beforePage(new PageRequest("echo", "/secret", Map.of(), SESSION)).isEmpty(),
                "without an application slot every page is served");
    }

    @Test
    void bootstrapResourcesLoadByWeightThenTheApplicationsInTheOrderGiven() {
        components.put(Slot.CLIENT_INTERFACE, contributing(c -> c
                .bootstrapResource(ClientResource.script("/ci-20.js", 20))
                .bootstrapResource(ClientResource.style("/ci-5.css", 5))));
        components.put(Slot.LOG, contributing(c -> c
                .bootstrapResource(ClientResource.script("/log-10.js", 10))
                .bootstrapResource(ClientResource.script("/log-20.js", 20))
                .bootstrapResource(ClientResource.style("/log-1.css", 1))));
        components.put(Slot.APPLICATION, applications(List.of("echo"), c -> c
                .applicationResource(ClientResource.script("/app-b.js", 100))
                .applicationResource(ClientResource.script("/app-a.js", 0))
                .applicationResource(ClientResource.style("/app.css", 0))));

        String html = page.page("echo", SESSION).orElseThrow();

        assertEquals(List.of("/log-10.js", "/ci-20.js", "/log-20.js", "/app-b.js", "/app-a.js"),
                all("<script type=\"module\" src=\"([^\"]*)\"", html));
        assertEquals(List.of("/log-1.css", "/ci-5.css", "/app.css"), all("<link rel=\"stylesheet\" href=\"([^\"]*)\"", html));
    }

    @Test
    void theConfigurationIsSetBeforeAnyScriptAndTheBootstrapCallComesLast() {
        components.put(Slot.LOG, contributing(c -> c.bootstrapResource(ClientResource.script("/log.js", 1))));
        components.put(Slot.APPLICATION, applications(List.of("echo"),
                c -> c.applicationResource(ClientResource.script("/app.js", 0)).body("<main id=\"echo\"></main>")));

        String html = page.page("echo", SESSION).orElseThrow();

        int config = html.indexOf("<script>window.thywillConfig = ");
        int bootstrap = html.indexOf("<script type=\"module\">window.thywill.bootstrap(window.thywillConfig);</script>");
        assertTrue(config >= 0 && config < html.indexOf("/log.js"), html);
        assertTrue(bootstrap > html.indexOf("/app.js") && bootstrap > html.indexOf("<main id=\"echo\"></main>"), html);
        assertEquals(bootstrap, html.lastIndexOf("<script"), html);
        assertTrue(html.endsWith("</script>\n</body>\n</html>\n"), html);
    }

    @Test
    void componentsContributeInSlotOrderSoTheApplicationSeesTheOthers() {
        List<String> seenByApplication = new ArrayList<>();
        components.put(Slot.APPLICATION, applications(List.of("echo"),
                c -> seenByApplication.addAll(c.bootstrapParameters().keySet())));
        components.put(Slot.DATABASE, contributing(c -> c.bootstrapParameter("database", 4)));
        components.put(Slot.LOG, contributing(c -> c.bootstrapParameter("log", 2)));
        components.put(Slot.CLIENT_INTERFACE, contributing(c -> c.bootstrapParameter("clientInterface", 1)));
        components.put(Slot.PUSH, contributing(c -> c.bootstrapParameter("push", 3)));

        String html = page.page("echo", SESSION).orElseThrow();

        assertEquals(List.of("clientInterface", "log", "push", "database"), seenByApplication);
        assertTrue(html.contains("window.thywillConfig = {\"applicationId\":\"echo\",\"path\":\"/\",\"bootstrap\":"
                + "{\"clientInterface\":1,\"log\":2,\"push\":3,\"database\":4},\"application\":{}};"), html);
    }

    @Test
    void theTitleAndUrlsAreEscaped() {
        components.put(Slot.APPLICATION, applications(List.of("echo"), c -> c
                .title("<b>Tom & 'Jerry'</b>")
                .applicationResource(ClientResource.script("/app.js?a=1&b=\"2\"", 0))));

        String html = page.page("echo", SESSION).orElseThrow();

        assertTrue(html.contains("<title>&lt;b&gt;Tom &amp; &#39;Jerry&#39;&lt;/b&gt;</title>"), html);
        assertTrue(html.contains("src=\"/app.js?a=1&amp;b=&quot;2&quot;\""), html);
        assertFalse(html.contains("<b>Tom"), html);
    }

    @Test
    void theTitleDefaultsToTheApplicationId() {
        components.put(Slot.APPLICATION, applications(List.of("chat"), c -> { }));

        assertTrue(page.page("chat", SESSION).orElseThrow().contains("<title>chat</title>"));
    }

    @Test
    void aParameterCannotCloseTheConfigurationsScriptElement() {
        components.put(Slot.APPLICATION, applications(List.of("echo"),
                c -> c.applicationParameter("greeting", "</script><script>alert(1)</script>")));

        String html = page.page("echo", SESSION).orElseThrow();

        assertTrue(html.contains("\"greeting\":\"\\u003C/script>\\u003Cscript>alert(1)\\u003C/script>\""), html);
        String configElement = html.substring(html.indexOf("<script>window.thywillConfig"));
        assertTrue(configElement.indexOf("</script>") > configElement.indexOf("alert(1)"), html);
    }

    @Test
    void anUnknownApplicationHasNoPage() {
        components.put(Slot.APPLICATION, applications(List.of("echo", "chat"), c -> { }));

        assertEquals(Optional.empty(), page.page("nope", SESSION));
        assertEquals(List.of("echo", "chat"), page.applicationIds());
    }

    @Test
    void withoutAnApplicationInterfaceThereAreNoApplicationsAndNoPages() {
        components.put(Slot.LOG, contributing(c -> { }));

        assertEquals(List.of(), page.applicationIds());
        assertEquals(Optional.empty(), page.page("echo", SESSION));
    }

    @Test
    void endpointsAreGatheredInSlotOrder() {
        HttpEndpoint log = endpoint("/thywill/log/");
        HttpEndpoint client = endpoint("/thywill/client/");
        components.put(Slot.LOG, contributing(c -> { }, log));
        components.put(Slot.CLIENT_INTERFACE, contributing(c -> { }, client));

        assertEquals(List.of("/thywill/client/", "/thywill/log/"),
                page.endpoints().stream().map(HttpEndpoint::pathPrefix).toList());
    }

    @Test
    void anEndpointsJsonValueTreeIsEncodedAsItsBodyAndOtherAnswersPassUnchanged() {
        Map<String, Object> tree = new java.util.LinkedHashMap<>();
        tree.put("text", "</script>\u2028");
        tree.put("list", List.of(1L, 2.5, true));
        tree.put("nothing", null);
        HttpEndpoint json = new HttpEndpoint() {
            @Override
            public String pathPrefix() {
                return "/json/";
            }

            @Override
            public HttpResponse handle(HttpRequest request) {
                return HttpResponse.json(201, tree).withHeaders(Map.of("Location", "/json/1"));
            }

            @Override
            public boolean ownOriginOnly() {
                return true;
            }
        };
        components.put(Slot.LOG, contributing(c -> { }, json, endpoint("/text/")));
        HttpRequest request = new HttpRequest("GET", "/json/", Map.of(), Map.of(), new byte[0], "127.0.0.1", null);

        HttpEndpoint served = page.endpoints().get(0);
        HttpResponse answer = served.handle(request);
        assertTrue(served.ownOriginOnly());
        assertEquals(201, answer.status());
        assertEquals(HttpResponse.JSON_TYPE, answer.contentType());
        assertEquals(Map.of("Location", "/json/1"), answer.headers());
        assertEquals(null, answer.json(), "nothing is left to encode");
        assertEquals("{\"text\":\"\\u003C/script>\\u2028\",\"list\":[1,2.5,true],\"nothing\":null}",
                new String(answer.body(), java.nio.charset.StandardCharsets.UTF_8));
        assertEquals("/text/", new String(page.endpoints().get(1).handle(request).body(),
                java.nio.charset.StandardCharsets.UTF_8));
    }

    private static HttpEndpoint endpoint(String prefix) {
        return new HttpEndpoint() {
            @Override
            public String pathPrefix() {
                return prefix;
            }

            @Override
            public HttpResponse handle(HttpRequest request) {
                return HttpResponse.text(200, prefix);
            }
        };
    }
}
