package dev.fedcred.cli;

import dev.fedcred.FedcredContext;
import dev.fedcred.core.FedcredException;
import dev.fedcred.core.text.OutsideText;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The command line of {@code gcp subject-token TARGET [--env NAME=VALUE]...}, read before picocli:
 * the pinned variables decide which fedcred state the context is built on.
 */
public final class SubjectTokenArgs {
    static final String ENV_OPTION = "--env";

    private SubjectTokenArgs() {
    }

    static boolean isSubjectToken(String... args) {
        return args.length >= 3 && "gcp".equals(args[0]) && "subject-token".equals(args[1]);
    }

    /** The {@code --env NAME=VALUE} pairs of a {@code gcp subject-token} command line; empty for any other. */
    public static Map<String, String> pinned(String... args) {
        if (!isSubjectToken(args)) {
            return Map.of();
        }
        List<String> values = new ArrayList<>();
        for (int i = 3; i < args.length; i += 2) {
            if (!ENV_OPTION.equals(args[i]) || i + 1 == args.length) {
                return Map.of(); // picocli reports what it makes of the rest
            }
            values.add(args[i + 1]);
        }
        try {
            return variables(values);
        } catch (FedcredException e) {
            return Map.of();
        }
    }

    /** @throws FedcredException for a value that is not NAME=VALUE of a pinned variable */
    static Map<String, String> variables(List<String> values) {
        Map<String, String> variables = new LinkedHashMap<>();
        for (String value : values) {
            int equals = value.indexOf('=');
            String name = equals < 0 ? value : value.substring(0, equals);
            if (equals < 0 || !FedcredContext.PINNED_VARIABLES.contains(name)) {
                throw new FedcredException(OutsideText.quoted(value) + " is not NAME=VALUE for one of "
                        + String.join(", ", FedcredContext.PINNED_VARIABLES) + ".");
            }
            variables.put(name, value.substring(equals + 1));
        }
        return variables;
    }
}
