package dev.fedcred.core.targets;

import dev.fedcred.core.text.OutsideText;
import dev.fedcred.core.FedcredException;
import dev.fedcred.core.ShortNames;
import dev.fedcred.core.net.LoopbackHosts;
import java.net.URI;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Checks a target before it is saved, so a typo is caught here rather than by AWS or Google. The
 * rules every kind shares live here (the name, full paths, https endpoints); each kind adds its
 * own through {@link TargetKind#problems}. The CLI gets the first problem as an exception; the
 * desktop window shows each beside its field.
 */
public final class TargetValidation {
    private final TargetKinds kinds;

    public TargetValidation(TargetKinds kinds) {
        this.kinds = kinds;
    }

    /** Throws the first problem of {@link #problems}. */
    public void validate(Target target) {
        firstProblem(problems(target));
    }

    /** Throws the first problem of the map, if any. */
    public static void firstProblem(Map<TargetField, String> problems) {
        problems.values().stream().findFirst().ifPresent(problem -> {
            throw new FedcredException(problem);
        });
    }

    /** Every problem of the target, by the setting it is about; empty when it may be saved. Reads no file. */
    public Map<TargetField, String> problems(Target target) {
        Map<TargetField, String> problems = new LinkedHashMap<>();
        nameProblem(target.name()).ifPresent(problem -> problems.put(TargetField.NAME, problem));
        kinds.of(target).problems().forEach(problems::putIfAbsent);
        return Collections.unmodifiableMap(problems);
    }

    public static Optional<String> nameProblem(String name) {
        if (name.isBlank()) {
            return Optional.of("Enter a short name for the target, such as prod-readonly.");
        }
        if (!ShortNames.isUsable(name)) {
            return Optional.of(OutsideText.quoted(name) + " is not a usable target name: use " + ShortNames.RULE + ".");
        }
        return Optional.empty();
    }

    /** A file fedcred keeps in its settings must not depend on the folder it was started in. */
    public static Optional<String> pathProblem(String what, Path file) {
        if (!file.isAbsolute() || file.getFileName() == null) {
            return Optional.of(what + " needs its full path, from the top of the disk, not \"" + file + "\".");
        }
        return Optional.empty();
    }

    /** Google's auth libraries refuse any other scheme, even on loopback: the sandbox serves https with its own CA. */
    public static Optional<String> httpsOnlyProblem(String what, URI endpoint) {
        if (endpoint != null && (!"https".equals(endpoint.getScheme()) || endpoint.getHost() == null)) {
            return Optional.of(what + " " + endpoint + " must be an https URL: Google's auth libraries"
                    + " refuse any other scheme, even on 127.0.0.1.");
        }
        return Optional.empty();
    }

    public static Optional<String> httpsOrLoopbackProblem(String what, URI endpoint) {
        if (endpoint == null || LoopbackHosts.isHttpsOrLoopbackHttp(endpoint)) {
            return Optional.empty();
        }
        return Optional.of(what + " " + endpoint + " must use https"
                + " (plain http only on " + LoopbackHosts.NAMES + ", for the sandbox).");
    }
}
