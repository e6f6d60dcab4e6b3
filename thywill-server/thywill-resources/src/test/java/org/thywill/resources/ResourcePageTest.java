package org.thywill.resources;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.thywill.testing.Browser;
import org.thywill.testing.ThywillTestServer;

/** The generated page in Chromium: changes made by an HTTP client appear live, and the page's own edits are stored. */
class ResourcePageTest {

    private static final String ROWS = "#resource-rows tr";

    @Test
    @Timeout(180)
    void changesMadeOverHttpAppearLiveAndThePageEditsTheTable() {
        try (ThywillTestServer server = ThywillTestServer.withApplications("shop").start();
             Browser browser = Browser.open()) {
            Http http = new Http(server.uri());
            Object existing = http.post("/api/shop/customers", Map.of("name", "Ivy", "email", "ivy@example.com"))
                    .expect(201).map().get("id");
            browser.load(server.uri().resolve("/thywill/init/shop/resources/customers")).waitUntilConnected();
            browser.waitFor(d -> "yes".equals(browser.find("#thywill-resources").getDomAttribute("data-watching")));
            browser.waitFor(d -> d.findElements(By.cssSelector(ROWS)).size() == 1);

            Object jo = http.post("/api/shop/customers", Map.of("name", "Jo", "email", "jo@example.com"))
                    .expect(201).map().get("id");
            browser.waitFor(d -> cell(browser, jo, "name").equals("Jo"));

            http.patch("/api/shop/customers/" + existing, Map.of("name", "Ivy Renamed")).expect(200);
            browser.waitFor(d -> cell(browser, existing, "name").equals("Ivy Renamed"));

            http.delete("/api/shop/customers/" + jo, ShopApplication.ADMIN_HEADER, "yes").expect(204);
            browser.waitFor(d -> d.findElements(By.cssSelector(row(jo))).isEmpty());

            // The page's own form creates through the REST API, and shows a refusal naming its field.
            WebElement form = browser.find("#resource-create");
            form.findElement(By.name("name")).sendKeys("Kit");
            form.findElement(By.name("email")).sendKeys("ivy@example.com");
            form.findElement(By.cssSelector("button[type=submit]")).click();
            browser.waitFor(d -> browser.find("#resource-error").getText().startsWith("email:"));
            WebElement email = form.findElement(By.name("email"));
            email.clear();
            email.sendKeys("kit@example.com");
            form.findElement(By.cssSelector("button[type=submit]")).click();
            browser.waitFor(d -> d.findElements(By.cssSelector(ROWS)).size() == 2);
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> items = (List<Map<String, Object>>) http.get("/api/shop/customers?sort=name")
                    .expect(200).map().get("items");
            assertEquals(List.of("Ivy Renamed", "Kit"), items.stream().map(r -> r.get("name")).toList());
            browser.screenshot(java.nio.file.Path.of("target/screenshots/resource-page.png"));
        }
    }

    @Test
    @Timeout(180)
    void theIndexListsTheResources() {
        try (ThywillTestServer server = ThywillTestServer.withApplications("shop").start();
             Browser browser = Browser.open()) {
            browser.load(server.page("shop")).waitUntilConnected();
            browser.waitFor(d -> d.findElements(By.cssSelector("#resource-index li a")).size() == 4);
            assertEquals("customers", browser.find("#resource-index li a").getText());
        }
    }

    @Test
    @Timeout(180)
    void aRelatedRowIsShownByItsLabelLinkedAndChosenFromASelect() {
        try (ThywillTestServer server = ThywillTestServer.withApplications("blog").start();
             Browser browser = Browser.open()) {
            Http http = new Http(server.uri());
            Object ada = http.post("/api/blog/authors", Map.of("name", "ada")).expect(201).map().get("id");
            Object bob = http.post("/api/blog/authors", Map.of("name", "bob")).expect(201).map().get("id");
            Object article = http.post("/api/blog/articles", Map.of("author_id", ada, "title", "Engines"))
                    .expect(201).map().get("id");
            browser.load(server.uri().resolve("/thywill/init/blog/resources/articles")).waitUntilConnected();
            browser.waitFor(d -> cell(browser, article, "author_id").equals("ada"));
            String link = browser.find(row(article) + " td[data-column=\"author_id\"] a").getDomAttribute("href");
            assertEquals("/thywill/init/blog/resources/authors?id=" + ada, link);

            // Edit: the author is chosen by name from a select, and the change is stored.
            browser.find(row(article) + " button.edit").click();
            new Select(browser.find(row(article) + " select[name=\"author_id\"]")).selectByVisibleText("bob (" + bob
                    + ")");
            browser.find(row(article) + " button.save").click();
            browser.waitFor(d -> cell(browser, article, "author_id").equals("bob"));
            assertEquals(bob, http.get("/api/blog/articles/" + article).expect(200).map().get("author_id"));

            // Create: the form's select too; a row created elsewhere arrives with its author's name.
            WebElement form = browser.find("#resource-create");
            form.findElement(By.name("title")).sendKeys("Looms");
            new Select(form.findElement(By.name("author_id"))).selectByVisibleText("ada (" + ada + ")");
            form.findElement(By.cssSelector("button[type=submit]")).click();
            browser.waitFor(d -> d.findElements(By.cssSelector(ROWS)).size() == 2);
            Object remote = http.post("/api/blog/articles", Map.of("author_id", bob, "title", "Remote")).expect(201)
                    .map().get("id");
            browser.waitFor(d -> cell(browser, remote, "author_id").equals("bob"));
            http.patch("/api/blog/authors/" + bob, Map.of("name", "robert")).expect(200);
            browser.waitFor(d -> cell(browser, remote, "author_id").equals("robert")
                    && cell(browser, article, "author_id").equals("robert"));
            browser.screenshot(java.nio.file.Path.of("target/screenshots/resource-page-relations.png"));

            // The link leads to the author's page, filtered to that author.
            browser.load(server.uri().resolve(link)).waitUntilConnected();
            browser.waitFor(d -> d.findElements(By.cssSelector(ROWS)).size() == 1);
            assertEquals("ada", cell(browser, ada, "name"));
        }
    }

    private static String row(Object id) {
        return "#resource-rows tr[data-id=\"" + id + "\"]";
    }

    private static String cell(Browser browser, Object id, String column) {
        List<WebElement> cells = browser.driver().findElements(By.cssSelector(row(id) + " td[data-column=\""
                + column + "\"]"));
        try {
            return cells.isEmpty() ? "" : cells.get(0).getText();
        } catch (org.openqa.selenium.StaleElementReferenceException e) {
            return ""; // the row was drawn again meanwhile: look again
        }
    }
}
