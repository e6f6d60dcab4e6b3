package org.thywill.kernel.settings;

/** Turns a settings key such as {@code clientInterface} into its environment variable part, {@code CLIENT_INTERFACE}. */
final class KeyNames {

    private KeyNames() {
    }

    static String environmentName(String key) {
        StringBuilder out = new StringBuilder(key.length() + 4);
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (Character.isUpperCase(c) && i > 0) {
                out.append('_');
            }
            out.append(c == '-' || c == '.' ? '_' : Character.toUpperCase(c));
        }
        return out.toString();
    }
}
