package dev.fedcred.core.settings;

import dev.fedcred.core.targets.Target;
import dev.fedcred.core.targets.TargetKinds;
import dev.fedcred.core.targets.TargetValidation;

import dev.fedcred.core.FedcredException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Optional;

/**
 * The targets a user can get credentials for: their own from the settings, plus the built-in
 * ones (the sandbox's, so the whole flow works with no cloud account). It knows no kind of target.
 */
public final class TargetRegistry {
    public static final String SANDBOX_AWS = "sandbox-aws";
    public static final String SANDBOX_AWS_PROFILE = "fedcred-sandbox";
    public static final String SANDBOX_AWS_ROLE = "arn:aws:iam::000000000000:role/fedcred-sandbox";
    public static final String SANDBOX_GCP = "sandbox-gcp";
    public static final String SANDBOX_GCP_PROJECT_NUMBER = "000000000000";
    /** The project the sandbox's service account lives in, which Python's google-auth must be told. */
    public static final String SANDBOX_GCP_PROJECT_ID = "fedcred-sandbox";
    public static final String SANDBOX_GCP_POOL = "fedcred-sandbox-pool";
    public static final String SANDBOX_GCP_PROVIDER = "fedcred-sandbox-provider";
    public static final String SANDBOX_GCP_SERVICE_ACCOUNT = "fedcred-sandbox@fedcred-sandbox.iam.gserviceaccount.com";
    /** The sandbox's ADC file, beside its CA: never the user's own ADC file. */
    public static final String SANDBOX_GCP_ADC_FILE = "gcp-application_default_credentials.json";

    private final SettingsStore store;
    private final TargetKinds kinds;
    private final TargetValidation validation;
    private final List<Target> builtIns;

    /** @param builtIns the built-in targets, which need no settings file (the sandbox's: core/builtin) */
    public TargetRegistry(SettingsStore store, TargetKinds kinds, List<Target> builtIns) {
        this.store = store;
        this.kinds = kinds;
        this.validation = new TargetValidation(kinds);
        this.builtIns = List.copyOf(builtIns);
    }

    /** The user's targets, then the built-in sandbox ones. */
    public List<Target> all() {
        return all(store.load());
    }

    /** The targets of already loaded settings, then the built-in ones. */
    public List<Target> all(Settings settings) {
        List<Target> all = new ArrayList<>(settings.targets());
        all.addAll(builtIns);
        return all;
    }

    /** The rules a target must meet to be saved, the same for the CLI and the window. */
    public TargetValidation validation() {
        return validation;
    }

    /** The built-in sandbox targets, which need no settings file. */
    public List<Target> builtIns() {
        return builtIns;
    }

    public boolean isBuiltIn(String name) {
        return builtIns.stream().anyMatch(target -> target.name().equals(name));
    }

    /**
     * The issuer setting the target signs in with: its own, or for a target made from another's
     * credentials (a chained AWS role) that of the first target of its chain. Null means the
     * default issuer; a chain that breaks off (an unknown source, a cycle) gives the target's own.
     */
    public String issuerOf(Target target) {
        return issuerOf(target, all());
    }

    /** As {@link #issuerOf(Target)}, finding sources among {@code all} (the targets read once). */
    public String issuerOf(Target target, List<Target> all) {
        Target at = target;
        Set<String> seen = new HashSet<>();
        while (seen.add(at.name())) {
            Optional<String> source = kinds.of(at).sourceName();
            if (source.isEmpty()) {
                return at.issuer();
            }
            Optional<Target> next = all.stream().filter(t -> t.name().equals(source.get())).findFirst();
            if (next.isEmpty()) {
                break;
            }
            at = next.get();
        }
        return target.issuer();
    }

    /**
     * Every target, each after the targets it is made from, so renewing them in this order renews
     * a source before what is made from it. Otherwise in {@link #all()}'s order; a cycle (which
     * validation refuses, but a hand-edited settings.json may hold) keeps that order.
     */
    public List<Target> sourcesFirst() {
        List<Target> all = all();
        List<Target> ordered = new ArrayList<>();
        Set<String> placed = new HashSet<>();
        for (Target target : all) {
            place(target, all, ordered, placed, new HashSet<>());
        }
        return ordered;
    }

    private void place(Target target, List<Target> all, List<Target> ordered, Set<String> placed, Set<String> visiting) {
        if (placed.contains(target.name()) || !visiting.add(target.name())) {
            return;
        }
        kinds.of(target).sourceName().flatMap(name -> all.stream().filter(t -> t.name().equals(name)).findFirst())
                .ifPresent(source -> place(source, all, ordered, placed, visiting));
        if (placed.add(target.name())) {
            ordered.add(target);
        }
    }

    public Optional<Target> find(String name) {
        return all().stream().filter(target -> target.name().equals(name)).findFirst();
    }

    public Target resolve(String name) {
        return find(name).orElseThrow(() -> new FedcredException("There is no target named \"" + name
                + "\". See `fedcred targets list`, or add one with `fedcred targets add-aws` or `add-gcp`."));
    }

    /** Adds the target, or replaces the one of the same name. */
    public Target add(Target target) {
        return save(target, target.name());
    }

    /**
     * Saves {@code target} in place of the target named {@code replaced} (null: a new target). A
     * new or renamed target may not take a name that is in use; the check and the write are one
     * step on the settings file, so a target added meanwhile elsewhere is never overwritten.
     */
    public Target save(Target target, String replaced) {
        validation.validate(target);
        if (isBuiltIn(target.name())) {
            throw new FedcredException("\"" + target.name() + "\" is a built-in sandbox target; choose another name.");
        }
        store.update(settings -> {
            if (!target.name().equals(replaced) && settings.target(target.name()).isPresent()) {
                throw new FedcredException("There is already a target named \"" + target.name()
                        + "\"; choose another name.");
            }
            return settings.withTarget(target, replaced);
        });
        return target;
    }

    public void remove(String name) {
        if (isBuiltIn(name)) {
            throw new FedcredException("\"" + name + "\" is built in and cannot be removed.");
        }
        if (store.load().target(name).isEmpty()) {
            throw new FedcredException("There is no target named \"" + name + "\". See `fedcred targets list`.");
        }
        store.update(settings -> settings.withoutTarget(name));
    }
}
