package org.thywill.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/** The folder {@code run} and {@code apps} work in, and its settings file, checked before anything starts. */
record ProjectFolder(Path home, Path settings) {

    static final String SETTINGS = "thywill.yml";

    /**
     * @param folder the working folder, or the one named by {@code --folder}
     * @param settings the settings file named by {@code --settings}, or null for {@value #SETTINGS} in the folder
     * @return the folder
     * @throws CliException when the folder or the settings file does not exist
     */
    static ProjectFolder of(Path folder, Path settings) {
        Path home = folder.toAbsolutePath().normalize();
        if (!Files.isDirectory(home)) {
            throw new CliException("There is no folder " + home + ".");
        }
        Path file = settings == null ? home.resolve(SETTINGS) : home.resolve(settings).normalize();
        if (!Files.isRegularFile(file)) {
            throw new CliException(settings == null
                    ? "There is no " + SETTINGS + " in " + home + ", so this is not a Thywill application's folder."
                    + " Run this in a folder made by 'thywill new <name>', or name a settings file with --settings."
                    : "There is no settings file " + file + ".");
        }
        return new ProjectFolder(home, file);
    }
}
