package org.thywill.resources;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.thywill.testing.ThywillTestServer;

/**
 * The blog application, declared from records, on a database where its tables do not exist yet: the library creates
 * them with the columns, types, keys, defaults and foreign keys the records say, and its relations expand and filter.
 * A record that no longer matches its table stops the application naming the column. Run on H2, MySQL and
 * PostgreSQL.
 */
final class RecordFlow {

    private RecordFlow() {
    }

    @SuppressWarnings("unchecked")
    static void tablesComeFromTheRecords(URI server) {
        Http http = new Http(server);
        Map<String, Map<String, Object>> resources = new HashMap<>();
        ((List<Map<String, Object>>) http.get("/api/blog/").expect(200).map().get("resources"))
                .forEach(r -> resources.put((String) r.get("name"), r));
        Map<String, Map<String, Object>> articles = columns(resources.get("articles"));
        assertEquals(List.of("id", "author_id", "title", "published", "likes", "rating", "editor_id"),
                List.copyOf(articles.keySet()), "a column per component, in order, in snake case");
        assertEquals(true, articles.get("id").get("generated"));
        assertEquals(true, articles.get("id").get("primaryKey"));
        assertEquals(true, articles.get("author_id").get("required"));
        assertEquals(Map.of("resource", "authors", "relation", "author"), articles.get("author_id").get("references"));
        assertEquals(Map.of("resource", "editors", "relation", "editor"), articles.get("editor_id").get("references"));
        assertEquals(120L, articles.get("title").get("maxLength"));
        assertEquals("boolean", articles.get("published").get("type"));
        assertEquals(false, articles.get("published").get("required"), "it has a default");
        assertEquals(2147483647L, articles.get("likes").get("maximum"), "an int is 32 bits");
        assertEquals(true, articles.get("rating").get("nullable"));
        assertEquals(false, articles.get("title").get("nullable"));
        Map<String, Map<String, Object>> authors = columns(resources.get("authors"));
        assertEquals("timestamp", authors.get("joined_at").get("type"));
        assertEquals(false, authors.get("joined_at").get("required"));
        assertEquals("date", authors.get("born").get("type"));
        assertEquals("name", resources.get("authors").get("label"), "the unique text column names an author");
        assertEquals("nickname", resources.get("editors").get("label"), "@Label names an editor");

        Map<String, Object> ada = http.post("/api/blog/authors", Map.of("name", "ada")).expect(201).map();
        assertNotNull(ada.get("joined_at"), "@Default(NOW) filled by the database");
        assertEquals("name", http.post("/api/blog/authors", Map.of("name", "ada")).expect(409).error().get("field"),
                "@Unique");
        Map<String, Object> article = http.post("/api/blog/articles", Map.of("author_id", ada.get("id"),
                "title", "On engines")).expect(201).map();
        assertEquals(false, article.get("published"));
        assertEquals(0L, article.get("likes"));
        assertNull(article.get("rating"));
        assertEquals("author_id", http.post("/api/blog/articles", Map.of("title", "x")).expect(400).error()
                .get("field"), "NOT NULL without a default: required");
        assertEquals("author_id", http.post("/api/blog/articles", Map.of("author_id", 999_999, "title", "x"))
                .expect(409).error().get("field"), "the foreign key");
        assertEquals("title", http.post("/api/blog/articles", Map.of("author_id", ada.get("id"),
                "title", "x".repeat(121))).expect(400).error().get("field"), "@MaxLength(120)");
    }

    @SuppressWarnings("unchecked")
    static void relationsExpandAndFilter(URI server) {
        Http http = new Http(server);
        Object ada = http.post("/api/blog/authors", Map.of("name", "ada", "group", "engines")).expect(201).map()
                .get("id");
        Object bob = http.post("/api/blog/authors", Map.of("name", "bob")).expect(201).map().get("id");
        Object first = http.post("/api/blog/articles", Map.of("author_id", ada, "title", "Notes")).expect(201).map()
                .get("id");
        http.post("/api/blog/articles", Map.of("author_id", bob, "title", "Replies")).expect(201);
        http.post("/api/blog/articles", Map.of("author_id", ada, "title", "More notes")).expect(201);

        Map<String, Object> page = http.get("/api/blog/articles?expand=author&sort=id").expect(200).map();
        List<Map<String, Object>> items = (List<Map<String, Object>>) page.get("items");
        assertEquals(3, items.size());
        Map<String, Object> author = (Map<String, Object>) items.get(0).get("author");
        assertEquals(http.get("/api/blog/authors/" + ada).expect(200).map(), author, "the user row, embedded");
        assertEquals("bob", ((Map<String, Object>) items.get(1).get("author")).get("name"));
        assertEquals(ada, items.get(0).get("author_id"), "the key stays beside it");
        assertEquals("ada", ((Map<String, Object>) http.get("/api/blog/articles/" + first + "?expand=author")
                .expect(200).map().get("author")).get("name"), "one row expands too");

        Map<String, Object> adas = http.get("/api/blog/articles?author.name=ada&sort=-id").expect(200).map();
        assertEquals(2L, adas.get("total"));
        assertEquals(List.of("More notes", "Notes"), ((List<Map<String, Object>>) adas.get("items")).stream()
                .map(a -> a.get("title")).toList());
        assertEquals(0L, http.get("/api/blog/articles?author.name=nobody").expect(200).map().get("total"));
        assertEquals(1L, http.get("/api/blog/articles?author.name=bob&title=Replies").expect(200).map()
                .get("total"));
        assertEquals(3L, http.get("/api/blog/articles?author.born=null").expect(200).map().get("total"));
        assertEquals("engines", http.patch("/api/blog/authors/" + ada, Map.of("group", "engines")).expect(200).map()
                .get("group"), "a column named as a reserved word is written");
        assertEquals(1L, http.get("/api/blog/authors?group=engines&sort=-group").expect(200).map().get("total"));
        assertEquals(2L, http.get("/api/blog/articles?author.group=engines").expect(200).map().get("total"));

        assertEquals("expand", http.get("/api/blog/articles?expand=writer").expect(400).error().get("field"));
        assertEquals("expand", http.get("/api/blog/articles/" + first + "?expand=writer").expect(400).error()
                .get("field"));
        assertEquals("writer.name", http.get("/api/blog/articles?writer.name=ada").expect(400).error().get("field"));
        assertEquals("author.nick", http.get("/api/blog/articles?author.nick=ada").expect(400).error().get("field"));
        assertEquals("author.born", http.get("/api/blog/articles?author.born=May").expect(400).error().get("field"));
        // The editors' rule (NOBODY) holds across the relation too.
        http.get("/api/blog/articles?expand=editor").expect(403);
        http.get("/api/blog/articles?editor.nickname=x").expect(403);
    }

    /** The tables the library made are checked, not made again, at the next start; their rows are kept. */
    static void theNextStartChecksTheTables(ThywillTestServer.Builder server) {
        try (ThywillTestServer first = server.start()) {
            new Http(first.uri()).post("/api/blog/authors", Map.of("name", "kept")).expect(201);
        }
        try (ThywillTestServer second = server.start()) {
            assertEquals(1L, new Http(second.uri()).get("/api/blog/authors?name=kept").expect(200).map()
                    .get("total"));
        }
    }

    /** The drift application's record differs from its table: it does not run, and the log says where. */
    static void aRecordThatDoesNotMatchItsTableStopsTheApplication(ThywillTestServer.Builder server, Path log)
            throws Exception {
        try (ThywillTestServer running = server.set("log", "file", log.toString()).start()) {
            assertEquals(404, new Http(running.uri()).get("/api/drift/notes").status(), "it does not run");
        }
        String text = Files.readString(log);
        for (String expected : List.of("application 'drift' failed to start", "Resource 'notes'",
                "column 'title' (Note.title): it is", "needs VARCHAR(40)",
                "column 'body' (Note.body) is NOT NULL in the table, but the component is @Nullable",
                "column 'stars' (Note.stars) is missing from the table",
                "column 'archived' of the table has no component in Note")) {
            assertTrue(text.contains(expected), "the log says " + expected + ":\n" + text);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> columns(Map<String, Object> resource) {
        Map<String, Map<String, Object>> columns = new java.util.LinkedHashMap<>();
        ((List<Map<String, Object>>) resource.get("columns")).forEach(c -> columns.put((String) c.get("name"), c));
        return columns;
    }
}
