package dev.fedcred.core.aws.chained;

import dev.fedcred.core.aws.AwsRoleForm;
import dev.fedcred.core.CredentialsException;
import dev.fedcred.core.FedcredException;
import dev.fedcred.core.aws.AssumedRole;
import dev.fedcred.core.aws.AwsSessions;
import dev.fedcred.core.aws.AwsSessions.AwsSession;
import dev.fedcred.core.session.SignInRequiredException;
import dev.fedcred.core.targets.Target;
import dev.fedcred.core.targets.TargetField;
import dev.fedcred.core.targets.TargetKinds;
import dev.fedcred.core.text.OutsideText;
import java.net.URI;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A chained role's way back to its source: which target that is, whether it can be one (it exists,
 * gives an AWS session, and no chain comes back to where it started), and its session, renewed
 * first when it is about to expire.
 */
public final class RoleChains {
    private final Function<String, Optional<Target>> targets;
    private final Supplier<TargetKinds> kinds;

    /**
     * @param targets every target by name (the user's and the built-in ones)
     * @param kinds   the kinds of target, given late: this kind is one of them
     */
    public RoleChains(Function<String, Optional<Target>> targets, Supplier<TargetKinds> kinds) {
        this.targets = targets;
        this.kinds = kinds;
    }

    /** What is wrong with the target's source, reading the settings; empty when it can be used. */
    Map<TargetField, String> problems(ChainedRoleTarget target) {
        Map<TargetField, String> problems = new LinkedHashMap<>();
        sourceProblem(target).ifPresent(problem -> problems.put(ChainedRoleForm.SOURCE, problem));
        if (problems.isEmpty()) {
            AwsSession source = AwsSessions.of(kinds.get(), targets.apply(target.source()).orElseThrow()).orElseThrow();
            if (source.profile().equals(target.profile())) {
                problems.put(AwsRoleForm.PROFILE, "The source target " + target.source() + " writes the profile "
                        + target.profile() + " already; give this target a profile of its own.");
            }
        }
        return problems;
    }

    private Optional<String> sourceProblem(ChainedRoleTarget target) {
        if (target.source().equals(target.name())) {
            return Optional.of("A target cannot be its own source; name another AWS target.");
        }
        Optional<Target> source = targets.apply(target.source());
        if (source.isEmpty()) {
            return Optional.of("There is no target named " + OutsideText.quoted(target.source()) + " to be the source;"
                    + " name an AWS target from `fedcred targets list`.");
        }
        if (AwsSessions.of(kinds.get(), source.get()).isEmpty()) {
            return Optional.of("The source " + OutsideText.quoted(target.source()) + " is a "
                    + kinds.get().of(source.get()).kind().title() + " target; a chained role's source must be an AWS"
                    + " target (an AWS role, or another chained role).");
        }
        Set<String> seen = new HashSet<>(Set.of(target.name()));
        Target at = source.get();
        while (true) {
            if (!seen.add(at.name())) {
                return Optional.of("The source " + OutsideText.quoted(target.source()) + " leads back to "
                        + OutsideText.quoted(at.name()) + ": role chains may not go round in a circle. Choose a source"
                        + " whose chain starts at an AWS role signed in with an ID token.");
            }
            Optional<String> next = kinds.get().of(at).sourceName();
            if (next.isEmpty()) {
                return Optional.empty();
            }
            Optional<Target> nextTarget = targets.apply(next.get());
            if (nextTarget.isEmpty()) {
                return Optional.empty(); // that link reports its own missing source
            }
            at = nextTarget.get();
        }
    }

    /** The source's AWS session side, or the problem that stops the target being used. */
    AwsSession source(ChainedRoleTarget target) {
        sourceProblem(target).ifPresent(problem -> {
            throw new FedcredException("The chained role " + target.name() + " cannot be used: " + problem);
        });
        return AwsSessions.of(kinds.get(), targets.apply(target.source()).orElseThrow()).orElseThrow();
    }

    /** The STS endpoint a chained call goes to: the target's, else its source's (null: AWS's own). */
    URI endpoint(ChainedRoleTarget target) {
        if (target.stsEndpoint() != null) {
            return target.stsEndpoint();
        }
        try {
            return source(target).stsEndpoint();
        } catch (FedcredException brokenChain) {
            return null;
        }
    }

    /** The region of the STS call: the target's, else its source's, else us-east-1. */
    String stsRegion(ChainedRoleTarget target, AwsSession source) {
        if (target.region() != null) {
            return target.region();
        }
        return source.region() != null ? source.region() : "us-east-1";
    }

    /**
     * The source's session with time left, renewed first when it has little left: through the
     * source's own kind, which writes its profile anew when fedcred wrote it, so the source stays as
     * fresh as what is made from it. A source that needs a sign-in says so, naming the source.
     */
    AssumedRole freshSession(ChainedRoleTarget target, AwsSession source) {
        Optional<AssumedRole> reusable = source.reusable();
        if (reusable.isPresent()) {
            return reusable.get();
        }
        try {
            if (writtenByFedcred(source)) {
                source.bound().obtain(false);
                return source.reusable().orElseGet(source::current);
            }
            return source.current();
        } catch (SignInRequiredException e) {
            throw new SignInRequiredException(e.issuerName(), "Cannot get credentials for " + target.name()
                    + ": its source target " + source.name() + " needs a sign-in with the issuer " + e.issuerName()
                    + " (signed out, or the sign-in has expired).", e);
        } catch (CredentialsException e) {
            if (e.remedy() != CredentialsException.Remedy.SIGN_IN_AGAIN) {
                throw e;
            }
            throw new CredentialsException(e.remedy(), e.errorCode(), "Cannot get credentials for " + target.name()
                    + ": its source target " + source.name() + " was refused. " + e.getMessage(), e);
        }
    }

    private static boolean writtenByFedcred(AwsSession source) {
        try {
            return source.bound().writtenByFedcred();
        } catch (FedcredException unreadable) {
            return false;
        }
    }
}
