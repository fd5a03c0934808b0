package dev.fedcred.core.kube;

import dev.fedcred.core.aws.AssumedRole;
import dev.fedcred.core.gcp.GcpAccessToken;
import dev.fedcred.core.issuers.IssuerRegistry;
import dev.fedcred.core.oidc.IssuerConfig;
import dev.fedcred.core.oidc.TokenSet;
import dev.fedcred.core.session.IdentitySessions;
import dev.fedcred.core.targets.TargetValidation;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * From a Kubernetes target to a bearer token: from the cache while it has {@link #REUSE_MARGIN}
 * left, else made anew from the source (EKS: a presigned GetCallerIdentity URL signed with the AWS
 * source's session; GKE: the GCP source's access token; OIDC: the issuer's ID token, renewed through
 * the refresh token when due) and cached. A source that needs a browser sign-in throws
 * {@code SignInRequiredException} (or a {@code CredentialsException} with {@code SIGN_IN_AGAIN}).
 */
public final class KubeCredentialService {
    /** A token with less than this left is made anew, so kubectl never gets one about to expire. */
    public static final Duration REUSE_MARGIN = Duration.ofMinutes(1);
    /** An ID token with less than this left is renewed first (the API server checks exp on every call). */
    static final Duration MIN_ID_TOKEN_LEFT = Duration.ofMinutes(5);

    private final KubeSources sources;
    private final IssuerRegistry issuers;
    private final Supplier<IdentitySessions> sessions;
    /** Built on the first EKS token, so the cached path never loads the AWS SDK. */
    private final Supplier<EksTokenSigner> signer;
    private final KubeTokenCache cache;
    private final Clock clock;

    public KubeCredentialService(KubeSources sources, IssuerRegistry issuers, Supplier<IdentitySessions> sessions,
                                 Supplier<EksTokenSigner> signer, KubeTokenCache cache, Clock clock) {
        this.sources = sources;
        this.issuers = issuers;
        this.sessions = sessions;
        this.signer = signer;
        this.cache = cache;
        this.clock = clock;
    }

    /** The cached token while it has {@link #REUSE_MARGIN} left; reads only the cache file. */
    public Optional<KubeToken> reusable(KubeTarget target) {
        return cache.load(target.name()).filter(token -> token.validFor(REUSE_MARGIN, clock.instant()));
    }

    public Optional<KubeToken> cached(KubeTarget target) {
        return cache.load(target.name());
    }

    /** The reusable token, else a new one. */
    public KubeToken current(KubeTarget target) {
        return reusable(target).orElseGet(() -> fresh(target));
    }

    /** Always makes a new token from the source, and caches it. */
    public KubeToken fresh(KubeTarget target) {
        // settings.json may have been edited by hand: the rules hold before anything is sent
        TargetValidation.firstProblem(KubeRules.problems(target));
        KubeSources.Source source = sources.of(target);
        KubeToken token;
        if (source instanceof KubeSources.Eks eks) {
            token = eksToken(target, eks);
        } else if (source instanceof KubeSources.Gke gke) {
            token = gkeToken(gke);
        } else {
            token = oidcToken(target);
        }
        cache.save(target.name(), token);
        return token;
    }

    public void forget(KubeTarget target) {
        cache.remove(target.name());
    }

    private KubeToken eksToken(KubeTarget target, KubeSources.Eks eks) {
        AssumedRole session = eks.session().current();
        String region = eks.session().region() != null ? eks.session().region() : "us-east-1";
        URI endpoint = eks.session().stsEndpoint() != null ? eks.session().stsEndpoint()
                : URI.create("https://sts." + region + ".amazonaws.com/");
        return signer.get().sign(session, target.cluster(), region, endpoint, session.assumedRoleArn());
    }

    private static KubeToken gkeToken(KubeSources.Gke gke) {
        GcpAccessToken token = gke.tokens().get();
        return new KubeToken(token.accessToken(), token.expiresAt(), "GKE", token.principal());
    }

    private KubeToken oidcToken(KubeTarget target) {
        IssuerConfig issuer = issuers.resolve(target.issuer());
        TokenSet tokens = sessions.get().usableTokens(issuer, MIN_ID_TOKEN_LEFT, clock.instant());
        String who = tokens.stringClaim("email") != null ? tokens.stringClaim("email") : tokens.subject();
        return new KubeToken(tokens.rawIdToken(), tokens.expiresAt(), "OIDC", who);
    }
}
