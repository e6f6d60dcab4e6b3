package org.thywill.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code thywill new <name>}: a Maven project of one application that builds and passes its own test. */
@Command(name = "new", mixinStandardHelpOptions = true,
        description = {"Creates the folder <name> holding a ready-to-build application: a Maven pom, the application"
                + " class, its page (HTML, script, style), a test that starts a real server with it, and "
                + ProjectFolder.SETTINGS + " for 'thywill run'.",
                "Then: cd <name> && mvn package && thywill run"})
final class NewCommand implements Callable<Integer> {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{0,39}");
    private static final Pattern PACKAGE = Pattern.compile("[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)*");

    @Parameters(paramLabel = "<name>", description = "The application's id and folder: lower-case letters, digits"
            + " and '-', starting with a letter, such as shout or my-chat.")
    private String name;

    @Option(names = "--package", paramLabel = "<package>", description = "The Java package; com.example.<name>"
            + " without '-' by default.")
    private String javaPackage;

    @Option(names = "--group", paramLabel = "<groupId>", defaultValue = "com.example",
            description = "The Maven groupId; ${DEFAULT-VALUE} by default.")
    private String group;

    @Option(names = {"-d", "--directory"}, paramLabel = "<folder>", defaultValue = ".",
            description = "Where to create the project's folder; the working folder by default.")
    private Path directory;

    @picocli.CommandLine.Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (!NAME.matcher(name).matches()) {
            throw new CliException("'" + name + "' cannot name an application: use 1 to 40 lower-case letters,"
                    + " digits and '-', starting with a letter, such as shout or my-chat (it becomes the"
                    + " application's id, its URL and the Maven artifactId).");
        }
        String pkg = javaPackage != null ? javaPackage : "com.example." + name.replace("-", "");
        if (!PACKAGE.matcher(pkg).matches()) {
            throw new CliException("'" + pkg + "' is not a Java package name such as com.example.shout.");
        }
        if (!PACKAGE.matcher(group).matches()) {
            throw new CliException("'" + group + "' is not a Maven groupId such as com.example.");
        }
        Path parent = directory.toAbsolutePath().normalize();
        if (!Files.isDirectory(parent)) {
            throw new CliException("There is no folder " + parent + " to create the project in.");
        }
        Path target = parent.resolve(name);
        if (Files.exists(target)) {
            throw new CliException(target + " exists already: choose another name, or remove it first.");
        }
        try {
            new ProjectTemplate(name, pkg, group, ThywillCli.version()).writeTo(target);
        } catch (IOException e) {
            throw new CliException("Could not write the project into " + target + ": " + e.getMessage(), e);
        } catch (UncheckedIOException e) {
            throw new CliException("Could not read the project template: " + e.getMessage(), e);
        }
        spec.commandLine().getOut().printf("Created the application '%s' in %s.%nNext:%n  cd %s%n  mvn package"
                + "          (builds it and runs its test)%n  thywill run          (serves it on"
                + " http://localhost:8080/thywill/init/%s/)%n", name, target, name, name);
        return 0;
    }
}
