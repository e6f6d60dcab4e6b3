package org.thywill.apps.tododom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.thywill.testing.Browser;
import org.thywill.testing.fixtures.PostgreSqlTestDatabase;
import org.thywill.testing.ThywillTestServer;

/**
 * The list on PostgreSQL, from the application's db/todo-dom-postgresql scripts: kept in PostgreSQL itself and
 * rendered from it on the server. A throw-away database on the machine's own server at 127.0.0.1:5432, or the one
 * {@value PostgreSqlTestDatabase#URL_VARIABLE} names.
 */
class TodoDomPostgreSqlTest {

    @Test
    void theListIsKeptInPostgreSqlAndRenderedFromIt() throws Exception {
        try (PostgreSqlTestDatabase database = PostgreSqlTestDatabase.create("todo_dom");
             ThywillTestServer server = ThywillTestServer.withApplications("todo-dom").database(database).start();
             Browser page = Browser.open()) {
            page.load(server.page("todo-dom")).waitUntilConnected();
            page.find("#next").sendKeys("Buy milk" + Keys.ENTER);
            page.waitFor(d -> d.findElements(By.cssSelector("#todo li")).size() == 1);
            page.find("#todo li .toggle").click();
            page.waitFor(d -> d.findElement(By.cssSelector("#todo li")).getDomAttribute("class").contains("done"));

            String html = HttpClient.newHttpClient().send(HttpRequest.newBuilder(server.page("todo-dom")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            assertTrue(html.contains("<li id=\"todo-1\" class=\"item done\">"), html);
            assertEquals(List.of("Buy milk"), database.column("SELECT text FROM todo_dom_items WHERE done"),
                    "what PostgreSQL itself holds");
        }
    }
}
