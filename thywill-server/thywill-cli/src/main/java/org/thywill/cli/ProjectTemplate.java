package org.thywill.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The files of a new project, from the templates in this jar with their placeholders ({@code @name@},
 * {@code @package@}, {@code @class@}, {@code @group@}, {@code @version@}) replaced.
 */
final class ProjectTemplate {

    private final Map<String, String> values = new LinkedHashMap<>();
    private final String name;
    private final String className;
    private final String packagePath;

    ProjectTemplate(String name, String javaPackage, String group, String version) {
        this.name = name;
        this.className = className(name);
        this.packagePath = javaPackage.replace('.', '/');
        values.put("@name@", name);
        values.put("@package@", javaPackage);
        values.put("@class@", className);
        values.put("@group@", group);
        values.put("@version@", version);
        values.put("@title@", title(name));
    }

    /** {@code my-chat} becomes {@code MyChat}. */
    static String className(String name) {
        StringBuilder out = new StringBuilder();
        for (String part : name.split("-")) {
            if (!part.isEmpty()) {
                out.append(part.substring(0, 1).toUpperCase(Locale.ROOT)).append(part.substring(1));
            }
        }
        return out.toString();
    }

    private static String title(String name) {
        return name.substring(0, 1).toUpperCase(Locale.ROOT) + name.substring(1).replace('-', ' ');
    }

    /** @return the project's files: template name to the path it is written at */
    Map<String, String> files() {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("pom.xml", "pom.xml");
        files.put("README.md", "README.md");
        files.put("gitignore", ".gitignore");
        files.put("thywill.yml", ProjectFolder.SETTINGS);
        files.put("Application.java", "src/main/java/" + packagePath + "/" + className + "Application.java");
        files.put("services", "src/main/resources/META-INF/services/org.thywill.api.application.Application");
        files.put("page.html", "src/main/resources/thywill/" + name + "/" + name + ".html");
        files.put("page.js", "src/main/resources/thywill/" + name + "/" + name + ".js");
        files.put("page.css", "src/main/resources/thywill/" + name + "/" + name + ".css");
        files.put("ApplicationTest.java", "src/test/java/" + packagePath + "/" + className + "ApplicationTest.java");
        return files;
    }

    /**
     * @param folder the project's folder, which must not exist yet
     * @throws IOException when a file cannot be written
     */
    void writeTo(Path folder) throws IOException {
        Files.createDirectories(folder);
        for (Map.Entry<String, String> file : files().entrySet()) {
            Path path = folder.resolve(file.getValue());
            Files.createDirectories(path.getParent());
            Files.writeString(path, render(file.getKey()), StandardCharsets.UTF_8);
        }
    }

    String render(String template) {
        String text;
        try (InputStream in = ProjectTemplate.class.getResourceAsStream("template/" + template)) {
            if (in == null) {
                throw new IllegalStateException("The template " + template + " is missing from the thywill-cli jar");
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (Map.Entry<String, String> value : values.entrySet()) {
            text = text.replace(value.getKey(), value.getValue());
        }
        return text;
    }
}
