package org.thywill.server.deploy;

/**
 * The applications the deployment tests put in jars. Every jar's main class is {@code deploy.app.App}: the same
 * name in each, which is harmless only because each jar has a class loader of its own.
 */
public final class TestApplications {

    /** The class every test jar names in its service entry. */
    public static final String MAIN = "deploy.app.App";

    /** The members of an application that keeps its context and answers each message with {@code %ANSWER%}. */
    private static final String ANSWERING = """
            private volatile ApplicationContext context;

            @Override
            public void start(ApplicationContext context) {
                this.context = context;
            }

            @Override
            public void onMessage(Connection from, Object data) {
                context.send(Target.connection(from.id()), %ANSWER%);
            }
            """;

    private TestApplications() {
    }

    /**
     * @param id the application's id
     * @param reply what it puts before each message it echoes; also the text of its page's body
     * @return a jar whose application echoes every message, prefixed
     */
    public static TestJar echo(String id, String reply) {
        return TestJar.create()
                .java(MAIN, app(id, "new ClientSide(\"deploy/app\", \"body.html\", List.of(), List.of())",
                        ANSWERING.replace("%ANSWER%", "\"%REPLY%\" + data").replace("%REPLY%", reply)))
                .resource("deploy/app/body.html", "<p id=\"version\">" + reply + "</p>")
                .service(MAIN);
    }

    /**
     * @param id the application's id
     * @param client the Java expression its browser side is, such as {@code ClientSide.none()}
     * @return a jar whose application does nothing but declare that browser side; add its files as resources
     */
    public static TestJar withClient(String id, String client) {
        return TestJar.create().service(MAIN).java(MAIN, app(id, client, ""));
    }

    /**
     * @param id the application's id
     * @param members what the class holds besides its id, such as a constructor that makes it fail
     * @return the source of {@link #MAIN}: an application of that id, with those members
     */
    private static String app(String id, String members) {
        return app(id, "null", members);
    }

    /**
     * @param id the application's id
     * @param client the Java expression its browser side is, or {@code null} for none
     * @param members what the class holds besides its descriptor
     * @return the source of {@link #MAIN}: an application of that id and browser side, with those members
     */
    private static String app(String id, String client, String members) {
        return """
                package deploy.app;

                import java.util.List;
                import org.thywill.api.application.Application;
                import org.thywill.api.application.ApplicationContext;
                import org.thywill.api.application.ApplicationDescriptor;
                import org.thywill.api.application.ClientSide;
                import org.thywill.api.client.Connection;
                import org.thywill.api.delivery.Target;

                public final class App implements Application {
                    @Override
                    public ApplicationDescriptor descriptor() {
                        return new ApplicationDescriptor("%ID%", null, %CLIENT%);
                    }

                    %MEMBERS%
                }
                """.replace("%CLIENT%", client).replace("%MEMBERS%", members).replace("%ID%", id);
    }

    /** @return a jar whose application's constructor throws */
    public static TestJar throwingConstructor() {
        return TestJar.create().service(MAIN).java(MAIN, app("throwing-constructor",
                "public App() { throw new IllegalStateException(\"boom in constructor\"); }"));
    }

    /** @return a jar whose application's start throws */
    public static TestJar failingStart(String id) {
        return TestJar.create().service(MAIN).java(MAIN, app(id,
                "@Override public void start(ApplicationContext c) { throw new IllegalStateException(\"boom in"
                        + " start\"); }"));
    }

    /**
     * @param id the application's id
     * @return a jar whose application's start starts a daemon thread named {@code {id}-worker}, then throws; its
     *     stop ends the thread
     */
    public static TestJar leakyFailingStart(String id) {
        return TestJar.create().service(MAIN).java(MAIN, app(id, """
                private volatile Thread worker;

                @Override
                public void start(ApplicationContext c) {
                    worker = new Thread(() -> {
                        try {
                            Thread.sleep(Long.MAX_VALUE);
                        } catch (InterruptedException e) {
                            // stopped
                        }
                    }, descriptor().id() + "-worker");
                    worker.setDaemon(true);
                    worker.start();
                    throw new IllegalStateException("boom in start, after starting a thread");
                }

                @Override
                public void stop() {
                    if (worker != null) {
                        worker.interrupt();
                    }
                }
                """));
    }

    /**
     * @param id the application's id
     * @param gate a folder: start creates {@code started} in it, then waits (at most a minute) for {@code release}
     * @return a jar whose application's start takes as long as the test wants
     */
    public static TestJar slowStart(String id, java.nio.file.Path gate) {
        String folder = gate.toAbsolutePath().toString().replace("\\", "\\\\");
        return TestJar.create().service(MAIN).java(MAIN, app(id, """
                @Override
                public void start(ApplicationContext c) throws Exception {
                    java.nio.file.Path gate = java.nio.file.Path.of("%GATE%");
                    java.nio.file.Files.createDirectories(gate);
                    java.nio.file.Files.writeString(gate.resolve("started"), "");
                    long deadline = System.nanoTime() + 60_000_000_000L;
                    while (!java.nio.file.Files.exists(gate.resolve("release")) && System.nanoTime() < deadline) {
                        Thread.sleep(20);
                    }
                }
                """.replace("%GATE%", folder)));
    }

    /** @return a jar whose service entry names a class it does not hold */
    public static TestJar missingClass() {
        return TestJar.create().service("deploy.app.Missing").java(MAIN, app("missing-class", ""));
    }

    /** @return a jar whose application's constructor uses a library class left out of the jar */
    public static TestJar missingLibrary() {
        return TestJar.create().service(MAIN)
                .java(MAIN, app("missing-library", "private final Object helper = new deploy.lib.Helper();"))
                .javaLeftOut("deploy.lib.Helper", "package deploy.lib; public final class Helper { }");
    }

    /** @return a jar whose application extends a class left out of the jar */
    public static TestJar missingSuperclass() {
        return TestJar.create().service(MAIN)
                .java(MAIN, """
                        package deploy.app;

                        public final class App extends deploy.lib.Base {
                            @Override
                            public org.thywill.api.application.ApplicationDescriptor descriptor() {
                                return new org.thywill.api.application.ApplicationDescriptor("missing-superclass");
                            }
                        }
                        """)
                .javaLeftOut("deploy.lib.Base", """
                        package deploy.lib;

                        public abstract class Base implements org.thywill.api.application.Application {
                        }
                        """);
    }

    /** @return a jar whose application's id cannot be used in URLs and channels */
    public static TestJar invalidId() {
        return TestJar.create().service(MAIN).java(MAIN, app("not valid!", ""));
    }

    /**
     * @param id the application's id
     * @param sql the migration's SQL
     * @return a jar whose application has one migration, and answers every message with {@code SELECT text FROM
     *     notes WHERE id = 1}
     */
    public static TestJar migrating(String id, String sql) {
        return TestJar.create().service(MAIN)
                .resource("db/" + id + "/V1__notes.sql", sql)
                .java(MAIN, app(id, """
                        @Override
                        public String migrations() {
                            return "db/%ID%";
                        }

                        /** The text of note 1, read afresh for each message. */
                        private String note() {
                            try (java.sql.Connection c = context.dataSource().getConnection();
                                 java.sql.Statement s = c.createStatement();
                                 java.sql.ResultSet r = s.executeQuery("SELECT text FROM %ID%_notes WHERE id = 1")) {
                                r.next();
                                return r.getString(1);
                            } catch (java.sql.SQLException e) {
                                throw new IllegalStateException(e);
                            }
                        }
                        """ + ANSWERING.replace("%ANSWER%", "note()")));
    }
}
