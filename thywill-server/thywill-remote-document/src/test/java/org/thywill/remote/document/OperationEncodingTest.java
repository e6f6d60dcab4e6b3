package org.thywill.remote.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.thywill.testing.TestJson;

/** The wire form of every operation, as documentation/remote-document.md gives it. */
class OperationEncodingTest {

    private static void assertJson(String expected, Object actual) {
        assertEquals(TestJson.parse(expected.replace('\'', '"')), TestJson.parse(TestJson.write(actual)));
    }

    @Test
    void eachOperationIsAnArrayNamedByItsFirstItem() {
        assertJson("['new',3,'p']", Ops.create(3, "p", false));
        assertJson("['newSvg',{'l':0},'circle']", Ops.create(Ops.local(0), "circle", true));
        assertJson("['place',3,'append',0]", Ops.place(3, "append", Ops.ROOT));
        assertJson("['place',3,'before',{'q':'#x'}]", Ops.place(3, "before", Ops.selector("#x")));
        assertJson("['remove',-1]", Ops.remove(Ops.BODY));
        assertJson("['clear',3]", Ops.clear(3));
        assertJson("['text',3,'<b>hi</b>']", Ops.text(3, "<b>hi</b>"));
        assertJson("['html',3,'<b>hi</b>']", Ops.html(3, "<b>hi</b>"));
        assertJson("['attr',3,'title','x']", Ops.attribute(3, "title", "x"));
        assertJson("['attr',3,'title',null]", Ops.attribute(3, "title", null));
        assertJson("['prop',3,'checked',true]", Ops.property(3, "checked", true));
        assertJson("['class',3,'done',false]", Ops.classOp(3, "done", false));
        Map<String, String> styles = new LinkedHashMap<>();
        styles.put("left", "50px");
        styles.put("top", null);
        assertJson("['style',3,{'left':'50px','top':null}]", Ops.styles(3, styles));
        assertJson("['call',3,'focus']", Ops.call(3, "focus"));
        assertJson("['unlisten',7]", Ops.unlisten(7));
        assertJson("['read',8,3,'prop','value']", Ops.read(8, 3, "prop", "value"));
        assertJson("['untimer',9]", Ops.stopTimer(9));
        assertJson("['send','interval!']", Ops.send("interval!"));
        assertJson("['title','Todo']", Ops.title("Todo"));
        assertJson("['sheet','p{}']", Ops.styleSheet("p{}"));
        assertJson("['navigate','/items/2',false]", Ops.navigate("/items/2", false));
        assertJson("['redirect','/thywill/init/chat/']", Ops.redirect("/thywill/init/chat/"));
        assertJson("['reset']", Ops.reset());
        assertJson("['hello',{'rate':50,'maxSize':60000}]", Ops.hello(50, 60000));
    }

    @Test
    void listenCarriesOnlyTheOptionsInUse() {
        assertJson("['listen',3,4,'click',{}]", Ops.listen(3, 4, "click", EventOptions.DEFAULT));
        assertJson("['listen',3,4,'input',{'debounce':300}]",
                Ops.listen(3, 4, "input", EventOptions.debounced(Duration.ofMillis(300))));
        assertJson("['listen',3,4,'keydown',{'throttle':50,'prevent':true,'keys':['Enter']}]",
                Ops.listen(3, 4, "keydown", EventOptions.throttled(Duration.ofMillis(50)).preventingDefault()
                        .onlyKeys("Enter")));
    }

    @Test
    void whatAViewIssuesInOneCallbackLeavesAsOneBatchInOrder() {
        try (DocumentHarness h = new DocumentHarness(routes -> routes.view("/", request -> document -> {
            Element p = document.create("p").text("This is an empty document");
            document.root().append(p);
            p.style("left", "50px").addClass("moved").attribute("data-n", "1");
        }))) {
            h.start("/");
            assertEquals(1, h.context.sent.size(), "one message for the whole start");
            assertJson("{'dom':[['hello',{'rate':50,'maxSize':60000}],['new',1,'p'],"
                    + "['text',1,'This is an empty document'],['place',1,'append',0],['style',1,{'left':'50px'}],"
                    + "['class',1,'moved',true],['attr',1,'data-n','1']]}", TestJson.parse(h.context.sent.get(0)));
        }
    }

    @Test
    void aRecordedBlockCarriesItsOwnElementsAndIsReplayedByATimer() {
        try (DocumentHarness h = new DocumentHarness(routes -> routes.view("/", request -> document -> {
            Element counter = document.create("p");
            document.root().append(counter);
            Block block = document.record(b -> {
                Element smile = b.create("p").text(":)");
                b.root().append(smile);
                counter.text("tick");
                b.sendToServer("interval!");
            });
            Timer timer = document.every(Duration.ofMillis(2500), block);
            timer.stop();
            document.after(Duration.ofSeconds(1), block);
            document.run(block);
        }))) {
            h.start("/");
            String block = "[['new',{'l':0},'p'],['text',{'l':0},':)'],['place',{'l':0},'append',0],"
                    + "['text',1,'tick'],['send','interval!']]";
            assertJson("[['hello',{'rate':50,'maxSize':60000}],['new',1,'p'],['place',1,'append',0],"
                    + "['timer',1,2500,true," + block + "],['untimer',1],['timer',2,1000,false," + block + "],"
                    + "['run'," + block + "]]", h.context.batches().get(0));
        }
    }

    @Test
    void anElementOfABlockCannotBeUsedOutsideIt() {
        try (DocumentHarness h = new DocumentHarness(routes -> { })) {
            Element[] inside = new Element[1];
            h.document.record(b -> inside[0] = b.create("p"));
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> inside[0].text("x"));
            assertEquals("This element was created inside a recorded block, so it exists only while the block runs"
                    + " in the browser: use it inside that block.", e.getMessage());
            assertThrows(IllegalStateException.class, () -> h.document.record(b -> b.root().readText()));
            assertThrows(IllegalStateException.class, () -> h.document.record(b -> b.root().on("click", e2 -> { })));
        }
    }

    @Test
    void scriptingIsRefusedWhereTextOrListenersBelong() {
        try (DocumentHarness h = new DocumentHarness(routes -> { })) {
            Element p = h.document.create("p");
            assertThrows(IllegalArgumentException.class, () -> p.attribute("onclick", "alert(1)"));
            assertThrows(IllegalArgumentException.class, () -> p.attribute("OnLoad", "alert(1)"));
            assertThrows(IllegalArgumentException.class, () -> p.property("innerHTML", "<b>x</b>"));
            assertThrows(IllegalArgumentException.class, () -> p.property("onclick", "x"));
            assertThrows(IllegalArgumentException.class, () -> p.property("a.b", "x"));
            assertThrows(IllegalArgumentException.class, () -> p.style("left;color", "red"));
            assertThrows(IllegalArgumentException.class, () -> h.document.create("p onclick=x"));
            assertThrows(IllegalArgumentException.class, () -> h.document.redirect("javascript:alert(1)"));
            assertThrows(IllegalArgumentException.class, () -> p.toggleClass("two words", true));
            assertThrows(IllegalArgumentException.class, () -> p.attribute("href", " JavaScript:alert(1)"));
            p.attribute("href", "#/items/2").attribute("title", "javascript: a language");
        }
    }

    @Test
    void scriptBearingElementsAndAttributesAreRefusedNamingThemAndTheTrustedCall() {
        try (DocumentHarness h = new DocumentHarness(routes -> { })) {
            IllegalArgumentException script = assertThrows(IllegalArgumentException.class,
                    () -> h.document.create("script").text("alert(1)"));
            assertEquals("The element 'script' is refused: it can run script in the page. Listen with"
                    + " Element.on(...); for markup the application wrote itself, use"
                    + " Element.innerHtml(trustedHtml).", script.getMessage());
            for (String tag : List.of("SCRIPT", "iframe", "object", "embed", "frame", "base", "meta")) {
                assertThrows(IllegalArgumentException.class, () -> h.document.create(tag), tag);
            }
            assertThrows(IllegalArgumentException.class, () -> h.document.createSvg("script"));
            Element div = h.document.create("div");
            IllegalArgumentException srcdoc = assertThrows(IllegalArgumentException.class,
                    () -> div.attribute("srcdoc", "<script>alert(1)</script>"));
            assertEquals("'srcdoc' is refused: it holds markup that can run script. Set text with Element.text(...);"
                    + " for markup the application wrote itself, use Element.innerHtml(trustedHtml).",
                    srcdoc.getMessage());
            assertThrows(IllegalArgumentException.class, () -> div.attribute("SrcDoc", "x"));
            assertThrows(IllegalArgumentException.class, () -> div.property("href", "javascript:alert(1)"));
            assertThrows(IllegalArgumentException.class, () -> div.attribute("formaction", "javascript:alert(1)"));
            assertThrows(IllegalArgumentException.class, () -> div.attribute("xlink:href", "javascript:x"));
            assertThrows(IllegalArgumentException.class, () -> div.attribute("poster", "vbscript:x"));
            assertThrows(IllegalArgumentException.class, () -> div.attribute("attributeName", " href"));
            assertThrows(IllegalArgumentException.class, () -> h.document.redirect(" javascript:alert(1)"));
            div.innerHtml("<iframe srcdoc='trusted'></iframe>").attribute("data-x", "javascript: is text here")
                    .attribute("attributeName", "x").property("src", "/a.png");
        }
    }

    @Test
    void operationsIssuedOutsideACallbackAreSentTogetherByTheSequence() {
        try (DocumentHarness h = new DocumentHarness(routes -> routes.view("/", request -> document -> { }))) {
            h.start("/");
            h.context.sent.clear();
            h.document.execute(() -> {
                for (int i = 0; i < 3; i++) {
                    h.document.root().appendNew("li").text("item " + i);
                }
            });
            assertEquals(1, h.context.sent.size());
            assertEquals(9, ((List<?>) h.context.batches().get(0)).size());
        }
    }
}
