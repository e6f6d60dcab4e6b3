package org.thywill.server.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.thywill.testing.ThywillTestServer;

/**
 * {@code /thywill/app/{id}/}: an application's browser files are the files of the folder it declares, from its own
 * jar; a file of a library on the server's class path only when the application names it. Nothing else of the
 * class path, of its jar or of the server is reachable, however the path is spelled.
 */
class ApplicationFilesTest {

    private static final String SECRET = "password=hunter2";

    @TempDir
    Path home;

    private ThywillTestServer jarServer() throws IOException {
        Path apps = Files.createDirectories(home.resolve("apps"));
        TestApplications.withClient("bare", "ClientSide.none()")
                .resource("logback.xml", "<configuration>" + SECRET + "</configuration>")
                .resource("bare.properties", SECRET)
                .resource("db/bare/V1__secret.sql", "-- " + SECRET)
                .writeTo(apps.resolve("bare.jar"));
        TestApplications.withClient("web", "new ClientSide(\"web\", \"body.html\", List.of(\"web.js\"), List.of())")
                .resource("web/body.html", "<p>web</p>")
                .resource("web/web.js", "import './lib/helper.js';")
                .resource("web/lib/helper.js", "export const helper = 1;")
                .resource("secret.properties", SECRET)
                .resource("web.properties", SECRET)
                .writeTo(apps.resolve("web.jar"));
        // Declares a folder that exists on the server's class path (the test application probe's): only the file
        // it names there is its own.
        TestApplications.withClient("borrower",
                        "new ClientSide(\"thywill/probe\", null, List.of(\"probe.js\"), List.of())")
                .writeTo(apps.resolve("borrower.jar"));
        return ThywillTestServer.withApplications().home(home)
                .set("application", "implementation", "jar")
                .set("application", "folder", apps.toString())
                .set("application", "watch", false)
                .start();
    }

    @Test
    void anApplicationWithoutAClientFolderServesNothingOfItsJarNorOfTheClassPath() throws IOException {
        try (ThywillTestServer server = jarServer()) {
            for (String file : List.of("META-INF/MANIFEST.MF", "logback.xml", "bare.properties",
                    "db/bare/V1__secret.sql", "deploy/app/App.class", "org/thywill/api/application/Application.class",
                    "thywill/probe/probe.js", "org/thywill/client/cometd/web/thywill.js")) {
                assertNotServed(server, "/thywill/app/bare/" + file);
            }
        }
    }

    @Test
    void onTheClassPathAnApplicationWithoutAClientFolderServesNothingEither() {
        try (ThywillTestServer server = ThywillTestServer.withApplications("probe", "rpc-probe").start()) {
            for (String file : List.of("META-INF/MANIFEST.MF", "logback-test.xml", "thywill/probe/probe.js",
                    "org/thywill/server/rpc/RpcProbeApplication.class")) {
                assertNotServed(server, "/thywill/app/rpc-probe/" + file);
            }
            assertNotServed(server, "/thywill/app/probe/../../META-INF/MANIFEST.MF");
            assertServed(server, "/thywill/app/probe/probe.html", "<p id=\"probe\">probe page</p>\n");
        }
    }

    @Test
    void theDeclaredFolderIsServedFromTheApplicationsOwnJar() throws IOException {
        try (ThywillTestServer server = jarServer()) {
            assertServed(server, "/thywill/app/web/web.js", "import './lib/helper.js';");
            assertServed(server, "/thywill/app/web/lib/helper.js", "export const helper = 1;");
            assertServed(server, "/thywill/app/web/body.html", "<p>web</p>");
            assertNotServed(server, "/thywill/app/web/secret.properties");
            assertNotServed(server, "/thywill/app/web/nosuch.js");
        }
    }

    @Test
    void aLibraryFileOnTheServersClassPathIsServedOnlyWhenTheApplicationNamesIt() throws IOException {
        try (ThywillTestServer server = jarServer()) {
            String probe = Files.readString(Path.of("src/test/resources/thywill/probe/probe.js"));
            assertServed(server, "/thywill/app/borrower/probe.js", probe);
            assertNotServed(server, "/thywill/app/borrower/probe.html");
        }
    }

    @Test
    void noSpellingOfAPathLeavesTheDeclaredFolder() throws IOException {
        try (ThywillTestServer server = jarServer()) {
            for (String path : List.of("/thywill/app/web/../secret.properties",
                    "/thywill/app/web/../../web/../secret.properties",
                    "/thywill/app/web/%2e%2e/secret.properties",
                    "/thywill/app/web/%2E%2E/secret.properties",
                    "/thywill/app/web/%2e%2e%2fsecret.properties",
                    "/thywill/app/web/..%2fsecret.properties",
                    "/thywill/app/web/..%5csecret.properties",
                    "/thywill/app/web/..\\secret.properties",
                    "/thywill/app/web/\\secret.properties",
                    "/thywill/app/web//secret.properties",
                    "/thywill/app/web/%2fsecret.properties",
                    "/thywill/app/web/lib/../../secret.properties",
                    "/thywill/app/web/./../secret.properties",
                    "/thywill/app/web/%252e%252e/secret.properties",
                    "/thywill/app/web/.properties",
                    "/thywill/app/web/%00secret.properties",
                    "/thywill/app/web/file:/etc/passwd",
                    "/thywill/app/web/C:%5csecret.properties",
                    "/thywill/app/web/..;/secret.properties",
                    "/thywill/app/web;/../secret.properties",
                    "/thywill/app/../app/web/../secret.properties",
                    "/thywill/app/bare/../web/web.properties")) {
                assertNotServed(server, path);
            }
        }
    }

    private static void assertServed(ThywillTestServer server, String path, String content) {
        Reply reply = get(server, path);
        assertEquals(200, reply.status(), path + " answered " + reply.head());
        assertEquals(content, reply.body(), path);
    }

    /** A 4xx without the file, a stack trace or a server class name. */
    private static void assertNotServed(ThywillTestServer server, String path) {
        Reply reply = get(server, path);
        assertTrue(reply.status() == 404 || reply.status() == 400, path + " answered " + reply.head());
        assertFalse(reply.body().contains(SECRET), path + " served the secret");
        assertFalse(reply.body().contains("Exception") || reply.body().contains("\tat "),
                path + " answered a stack trace: " + reply.body());
        if (reply.status() == 404 && path.startsWith("/thywill/app/")) {
            assertTrue(reply.head().toLowerCase().contains("content-type: text/plain")
                    || reply.head().toLowerCase().contains("content-type: application/json"),
                    path + " answered 404 in neither plain text nor JSON: " + reply.head());
        }
    }

    /** What the server answered. */
    private record Reply(int status, String head, String body) {
    }

    /** Sends the path exactly as written: an HTTP client would normalise {@code ..} and refuse {@code \}. */
    private static Reply get(ThywillTestServer server, String path) {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            String text = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            int split = text.indexOf("\r\n\r\n");
            String head = split < 0 ? text : text.substring(0, split);
            String body = split < 0 ? "" : text.substring(split + 4);
            if (head.toLowerCase().contains("transfer-encoding: chunked")) {
                body = dechunk(body);
            }
            return new Reply(Integer.parseInt(head.split(" ", 3)[1]), head, body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String dechunk(String chunked) {
        StringBuilder body = new StringBuilder();
        int at = 0;
        while (true) {
            int end = chunked.indexOf("\r\n", at);
            int size = Integer.parseInt(chunked.substring(at, end).trim(), 16);
            if (size == 0) {
                return body.toString();
            }
            body.append(chunked, end + 2, end + 2 + size);
            at = end + 2 + size + 2;
        }
    }
}
