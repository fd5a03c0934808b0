package dev.fedcred.core;

import java.util.regex.Pattern;

/**
 * The rule for the names users give issuers and targets: they go on command lines, into file
 * names ({@code gcp/<issuer>.id-token}) and into AWS profile markers, so they stay short and plain.
 */
public final class ShortNames {
    /** What a usable name looks like, to finish a sentence such as "Use ...". */
    public static final String RULE = "letters, digits, '.', '_' or '-', at most 64, starting with a letter or digit";

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    private ShortNames() {
    }

    public static boolean isUsable(String name) {
        return name != null && NAME.matcher(name).matches();
    }
}
