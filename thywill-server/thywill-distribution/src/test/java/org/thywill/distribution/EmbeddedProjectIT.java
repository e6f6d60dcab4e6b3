package org.thywill.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.thywill.testing.TestClient;
import org.thywill.testing.TestClient.Transport;

/**
 * One class, one call, as a user writes it from nothing: a plain Maven project that depends on
 * {@code thywill-embedded} alone, holding one class that is both the application and the program
 * ({@code ThywillServer.run(8080, new Hello())} in its {@code main}) and its page, with no service entry and no jar in a
 * folder. It is built offline against the artifacts this build installed, run as a process of its own, and talked to.
 */
class EmbeddedProjectIT {

    private static final String HELLO = """
            package com.example;

            import java.util.List;
            import org.thywill.api.application.Application;
            import org.thywill.api.application.ApplicationContext;
            import org.thywill.api.application.ApplicationDescriptor;
            import org.thywill.api.application.ClientSide;
            import org.thywill.api.client.Connection;
            import org.thywill.api.delivery.Target;
            import org.thywill.embedded.ThywillServer;

            public final class Hello implements Application {

                private volatile ApplicationContext context;

                @Override
                public ApplicationDescriptor descriptor() {
                    return new ApplicationDescriptor("hello", null,
                            new ClientSide("hello", "hello.html", List.of(), List.of()));
                }

                @Override
                public void start(ApplicationContext context) {
                    this.context = context;
                }

                @Override
                public void onMessage(Connection from, Object data) {
                    context.send(Target.connection(from.id()), "Hello, " + data);
                }

                public static void main(String[] args) {
                    ThywillServer.run(8080, new Hello());
                }
            }
            """;

    private static final String POM = """
            <?xml version="1.0" encoding="UTF-8"?>
            <project xmlns="http://maven.apache.org/POM/4.0.0">
              <modelVersion>4.0.0</modelVersion>
              <groupId>com.example</groupId>
              <artifactId>hello</artifactId>
              <version>1.0</version>
              <properties>
                <maven.compiler.release>17</maven.compiler.release>
                <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
              </properties>
              <dependencies>
                <dependency>
                  <groupId>org.thywill</groupId>
                  <artifactId>thywill-embedded</artifactId>
                  <version>@version@</version>
                </dependency>
              </dependencies>
              <build>
                <plugins>
                  <plugin><artifactId>maven-compiler-plugin</artifactId><version>3.13.0</version></plugin>
                  <plugin><artifactId>maven-resources-plugin</artifactId><version>3.3.1</version></plugin>
                  <plugin><artifactId>maven-dependency-plugin</artifactId><version>3.8.1</version></plugin>
                </plugins>
              </build>
            </project>
            """;

    @TempDir
    Path project;

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void aOneClassProjectDependingOnOneArtifactRunsItsApplicationFromMain() throws Exception {
        Files.writeString(project.resolve("pom.xml"), POM.replace("@version@", System.getProperty("thywill.version")));
        Path source = project.resolve("src/main/java/com/example/Hello.java");
        Files.createDirectories(source.getParent());
        Files.writeString(source, HELLO);
        Path page = project.resolve("src/main/resources/hello/hello.html");
        Files.createDirectories(page.getParent());
        Files.writeString(page, "<h1>Hello from one class</h1>\n");

        Process build = new ProcessBuilder(System.getProperty("thywill.mavenWrapper"), "-o", "-B", "-q", "compile",
                "dependency:build-classpath", "-Dmdep.outputFile=classpath.txt")
                .directory(project.toFile()).redirectErrorStream(true)
                .redirectOutput(project.resolve("build.log").toFile()).start();
        assertTrue(build.waitFor(8, TimeUnit.MINUTES), "The build did not end in time");
        assertEquals(0, build.exitValue(), () -> "The project did not build:\n" + read(project.resolve("build.log")));

        int port = DistributionProcess.freePort();
        String classpath = project.resolve("target/classes") + File.pathSeparator
                + Files.readString(project.resolve("classpath.txt")).strip();
        ProcessBuilder run = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), "-cp",
                classpath, "com.example.Hello").directory(project.toFile()).redirectErrorStream(true)
                .redirectOutput(project.resolve("console.log").toFile());
        // Environment variables override the code's port, as they override the distribution's settings file.
        run.environment().put("THYWILL_SERVER_PORT", String.valueOf(port));
        run.environment().put("THYWILL_SERVER_HOST", "127.0.0.1");
        Process server = run.start();
        try {
            URI base = URI.create("http://127.0.0.1:" + port + "/");
            HttpResponse<String> served = awaitPage(base.resolve("/thywill/init/"), server);
            assertEquals(200, served.statusCode(), served::body);
            assertTrue(served.body().contains("<h1>Hello from one class</h1>"), served::body);
            try (TestClient client = TestClient.connect(base, "hello", Transport.WEBSOCKET,
                    TestClient.newSession(base, "hello"))) {
                client.send("Ada");
                assertEquals("Hello, Ada", client.nextMessage());
            }
        } finally {
            server.destroy(); // SIGTERM: the server stops gracefully
            assertTrue(server.waitFor(60, TimeUnit.SECONDS), "The program did not end on SIGTERM");
        }
        String console = read(project.resolve("console.log"));
        assertTrue(console.contains("Thywill stopped"), "It should stop gracefully on SIGTERM:\n" + console);
        assertTrue(Files.isDirectory(project.resolve("data")), "The H2 file database lives in the working folder");
    }

    private static HttpResponse<String> awaitPage(URI page, Process server) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            try {
                return HttpClient.newHttpClient().send(HttpRequest.newBuilder(page).timeout(Duration.ofSeconds(10))
                        .build(), HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                if (!server.isAlive() || System.nanoTime() > deadline) {
                    throw new AssertionError("The program did not serve " + page + " (alive: " + server.isAlive()
                            + ")", e);
                }
                Thread.sleep(200);
            }
        }
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "(nothing)";
        } catch (IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }
}
