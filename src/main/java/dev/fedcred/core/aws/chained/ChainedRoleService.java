package dev.fedcred.core.aws.chained;

import dev.fedcred.core.aws.AssumedRole;
import dev.fedcred.core.aws.AwsSessionCache;
import dev.fedcred.core.aws.AwsSessions.AwsSession;
import dev.fedcred.core.aws.profiles.AwsFileLocations;
import dev.fedcred.core.aws.profiles.AwsProfileWriter;
import dev.fedcred.core.aws.profiles.ProfileState;
import dev.fedcred.core.targets.TargetValidation;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * From a chained role target to AWS credentials: its source's session (renewed first when due),
 * AssumeRole signed with it, the session cache (the one AWS role targets use, by target name) and
 * the target's own profile, written with the same writer and ownership marker as any AWS target.
 */
public final class ChainedRoleService {
    private final RoleChains chains;
    /** Built on the first STS call, so reading cached credentials never loads the AWS SDK. */
    private final Supplier<RoleChainer> chainer;
    private final AwsSessionCache cache;
    private final AwsProfileWriter profiles;
    private final Clock clock;

    public ChainedRoleService(RoleChains chains, Supplier<RoleChainer> chainer, AwsSessionCache cache,
                              AwsProfileWriter profiles, Clock clock) {
        this.chains = chains;
        this.chainer = chainer;
        this.cache = cache;
        this.profiles = profiles;
        this.clock = clock;
    }

    /** New credentials written as the target's profile (and its region into the config file). */
    AssumedRole assumeAndWrite(ChainedRoleTarget target, boolean force) {
        profiles.requireWritable(target.profile(), target.region() != null, force);
        AssumedRole role = assume(target);
        profiles.writeCredentials(target.profile(), target.name(), role.credentials(), force);
        if (target.region() != null) {
            profiles.writeRegion(target.profile(), target.name(), target.region(), force);
        }
        return role;
    }

    /** Always calls STS for new credentials, with the source's session renewed first when due. */
    AssumedRole assume(ChainedRoleTarget target) {
        // settings.json may have been edited by hand: the rules hold before anything is sent
        TargetValidation.firstProblem(ChainedRoleRules.problems(target));
        AwsSession source = chains.source(target);
        AssumedRole sourceSession = chains.freshSession(target, source);
        AssumedRole role = chainer.get().assume(target, source.name(), sourceSession, chains.stsRegion(target, source),
                chains.endpoint(target));
        cache.save(target.name(), role);
        return role;
    }

    AssumedRole current(ChainedRoleTarget target) {
        return reusable(target).orElseGet(() -> assume(target));
    }

    Optional<AssumedRole> reusable(ChainedRoleTarget target) {
        return cached(target).filter(role -> role.validFor(AwsSessionCache.REUSE_MARGIN, clock.instant()));
    }

    Optional<AssumedRole> cached(ChainedRoleTarget target) {
        return cache.load(target.name());
    }

    void forget(ChainedRoleTarget target) {
        cache.remove(target.name());
    }

    ProfileState profileState(ChainedRoleTarget target) {
        return profiles.state(target.profile());
    }

    boolean removeProfile(String profile) {
        return profiles.remove(profile);
    }

    AwsFileLocations files() {
        return profiles.files();
    }
}
