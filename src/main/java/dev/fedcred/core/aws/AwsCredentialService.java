package dev.fedcred.core.aws;

import dev.fedcred.core.aws.profiles.AwsFileLocations;
import dev.fedcred.core.aws.profiles.AwsProfileWriter;
import dev.fedcred.core.aws.profiles.ProfileState;
import dev.fedcred.core.oidc.IssuerConfig;
import dev.fedcred.core.oidc.TokenSet;
import dev.fedcred.core.session.IdentitySessions;
import dev.fedcred.core.issuers.IssuerRegistry;
import dev.fedcred.core.aws.AwsRoleTarget;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * From a target to AWS credentials: a usable ID token (renewed through the refresh token when
 * needed), AssumeRoleWithWebIdentity, and the session cache.
 */
public final class AwsCredentialService {
    /** STS must still see the ID token as valid when the request arrives, whatever the clock skew. */
    static final Duration MIN_ID_TOKEN_LEFT = Duration.ofMinutes(1);

    private final IssuerRegistry issuers;
    private final IdentitySessions sessions;
    /** Built on the first STS call, so reading cached credentials never loads the AWS SDK. */
    private final Supplier<WebIdentityRoleAssumer> assumer;
    private final AwsSessionCache cache;
    private final AwsProfileWriter profiles;
    private final Clock clock;

    public AwsCredentialService(IssuerRegistry issuers, IdentitySessions sessions, Supplier<WebIdentityRoleAssumer> assumer,
                                AwsSessionCache cache, AwsProfileWriter profiles, Clock clock) {
        this.issuers = issuers;
        this.sessions = sessions;
        this.assumer = assumer;
        this.cache = cache;
        this.profiles = profiles;
        this.clock = clock;
    }

    /**
     * New credentials written as the target's profile (and its region into the config file), so
     * the AWS CLI and every SDK use them at once.
     *
     * @param force replace a profile of that name that fedcred did not write
     */
    public AssumedRole assumeAndWrite(AwsRoleTarget target, boolean force) {
        profiles.requireWritable(target.profile(), target.region() != null, force);
        AssumedRole role = assume(target);
        profiles.writeCredentials(target.profile(), target.name(), role.credentials(), force);
        if (target.region() != null) {
            profiles.writeRegion(target.profile(), target.name(), target.region(), force);
        }
        return role;
    }

    public ProfileState profileState(AwsRoleTarget target) {
        return profiles.state(target.profile());
    }

    /** Removes a profile fedcred wrote from the credentials and config files. */
    public boolean removeProfile(String profile) {
        return profiles.remove(profile);
    }

    public AwsFileLocations files() {
        return profiles.files();
    }

    /** Always calls STS for new credentials. */
    public AssumedRole assume(AwsRoleTarget target) {
        IssuerConfig issuer = issuers.resolve(target.issuer());
        TokenSet tokens = sessions.usableTokens(issuer, MIN_ID_TOKEN_LEFT, clock.instant());
        AssumedRole role = assumer.get().assume(target, tokens);
        cache.save(target.name(), role);
        return role;
    }

    /** A dry run: asks STS for credentials and hands them back, caching and writing nothing. */
    public AssumedRole tryAssume(AwsRoleTarget target) {
        IssuerConfig issuer = issuers.resolve(target.issuer());
        return assumer.get().assume(target, sessions.usableTokens(issuer, MIN_ID_TOKEN_LEFT, clock.instant()));
    }

    /** The cached credentials while they have more than {@link AwsSessionCache#REUSE_MARGIN} left, else new ones. */
    public AssumedRole current(AwsRoleTarget target) {
        return reusable(target).orElseGet(() -> assume(target));
    }

    /** The cached credentials while they have more than {@link AwsSessionCache#REUSE_MARGIN} left; never calls STS. */
    public Optional<AssumedRole> reusable(AwsRoleTarget target) {
        return cache.load(target.name()).filter(role -> role.validFor(AwsSessionCache.REUSE_MARGIN, clock.instant()));
    }

    public Optional<AssumedRole> cached(AwsRoleTarget target) {
        return cache.load(target.name());
    }

    public void forget(AwsRoleTarget target) {
        cache.remove(target.name());
    }
}
