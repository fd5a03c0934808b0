package dev.fedcred.core.renewal;

import dev.fedcred.core.FedcredException;
import dev.fedcred.core.oidc.IssuerConfig;
import dev.fedcred.core.oidc.TokenSet;
import dev.fedcred.core.session.IdentitySessions;
import dev.fedcred.core.session.RenewalLead;
import dev.fedcred.core.issuers.IssuerRegistry;
import dev.fedcred.core.targets.Target;
import dev.fedcred.core.targets.TargetKinds;
import dev.fedcred.core.settings.TargetRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Renews what is about to expire, without a browser: ID tokens through their refresh token
 * (which also keeps the GCP ID-token files fresh), then the credentials of every target fedcred
 * wrote that expire within the lead time. Each call decides from the wall clock, not from
 * timers, so a laptop waking from sleep or a clock jump is handled at the next call: whatever is
 * due by then is renewed, and what has already expired is renewed too.
 */
public final class CredentialRenewer {
    public static final Duration DEFAULT_LEAD = RenewalLead.DEFAULT;

    private final IssuerRegistry issuers;
    private final IdentitySessions sessions;
    private final TargetRegistry targets;
    private final TargetKinds kinds;
    private final Clock clock;
    private final Duration lead;

    public CredentialRenewer(IssuerRegistry issuers, IdentitySessions sessions, TargetRegistry targets,
                             TargetKinds kinds, Clock clock, Duration lead) {
        this.issuers = issuers;
        this.sessions = sessions;
        this.targets = targets;
        this.kinds = kinds;
        this.clock = clock;
        this.lead = lead;
    }

    /** Renews everything due now; never throws for one session's failure, it reports it. */
    public List<RenewalOutcome> renewDue() {
        List<RenewalOutcome> outcomes = new ArrayList<>();
        for (IssuerConfig issuer : issuers.all()) {
            renewIdToken(issuer).ifPresent(outcomes::add);
        }
        // a source first: what is made from its credentials then starts from fresh ones
        for (Target target : targets.sourcesFirst()) {
            renewTarget(target).ifPresent(outcomes::add);
        }
        return outcomes;
    }

    /**
     * When {@link #renewDue()} will next find something due: the earliest expiry, less its lead,
     * among the ID tokens (a short-lived one's lead is a quarter of its life, as for renewing it)
     * and the credentials fedcred wrote; empty when there is none.
     */
    public Optional<Instant> nextDue() {
        List<Instant> dues = new ArrayList<>();
        for (IssuerConfig issuer : issuers.all()) {
            sessions.current(issuer.name()).ifPresent(tokens -> dues.add(
                    tokens.expiresAt().minus(RenewalLead.of(lead, tokens.lifetime()))));
        }
        for (Target target : targets.sourcesFirst()) {
            try {
                TargetKinds.Bound<?> bound = kinds.of(target);
                bound.cachedExpiry().filter(expiry -> bound.writtenByFedcred())
                        .ifPresent(expiry -> dues.add(expiry.minus(lead)));
            } catch (FedcredException e) {
                // a target that cannot be read is reported by renewDue
            }
        }
        return dues.stream().min(Instant::compareTo);
    }

    /** How long from now until {@link #nextDue()}: zero when something is due already, empty when nothing will be. */
    public Optional<Duration> timeToNextDue() {
        return nextDue().map(due -> {
            Duration until = Duration.between(clock.instant(), due);
            return until.isNegative() ? Duration.ZERO : until;
        });
    }

    private Optional<RenewalOutcome> renewIdToken(IssuerConfig issuer) {
        Optional<TokenSet> current = sessions.current(issuer.name());
        if (current.isEmpty()) {
            return Optional.empty();
        }
        // a short-lived token (the sandbox's --token-lifetime) is due a quarter of its life ahead, not 5 minutes
        Duration idTokenLead = RenewalLead.of(lead, current.get().lifetime());
        if (!due(current.get().expiresAt(), idTokenLead)) {
            return Optional.empty();
        }
        try {
            // renewed with a minute to spare beyond the lead (or the lead again, for a short-lived token)
            Duration wanted = idTokenLead.plus(idTokenLead.compareTo(Duration.ofMinutes(1)) < 0 ? idTokenLead
                    : Duration.ofMinutes(1));
            TokenSet renewed = sessions.usableTokens(issuer, wanted, clock.instant());
            return Optional.of(RenewalOutcome.renewed(RenewalOutcome.Kind.ID_TOKEN, issuer.name(), renewed.expiresAt()));
        } catch (FedcredException e) {
            return Optional.of(RenewalOutcome.failed(RenewalOutcome.Kind.ID_TOKEN, issuer.name(), e));
        }
    }

    private Optional<RenewalOutcome> renewTarget(Target target) {
        try {
            return writtenAndDue(kinds.of(target)) ? Optional.of(rewrite(target)) : Optional.empty();
        } catch (FedcredException e) {
            return Optional.of(RenewalOutcome.failed(RenewalOutcome.Kind.TARGET, target.name(), e));
        }
    }

    /**
     * Renews one target now, however long its credentials still last: its issuer's ID token
     * first when that is due (through the refresh token), then new credentials, written where
     * fedcred wrote them before. A file fedcred did not write is left alone and reported.
     */
    public RenewalOutcome renewNow(Target target) {
        try {
            // a failed ID-token renewal is not the end: a token still valid long enough serves,
            // and otherwise getting the credentials says the sign-in it needs
            renewIdToken(issuers.resolve(targets.issuerOf(target)));
        } catch (FedcredException e) {
            return RenewalOutcome.failed(RenewalOutcome.Kind.TARGET, target.name(), e);
        }
        return rewrite(target);
    }

    private RenewalOutcome rewrite(Target target) {
        try {
            Instant until = kinds.of(target).obtain(false).expiresAt();
            return RenewalOutcome.renewed(RenewalOutcome.Kind.TARGET, target.name(), until);
        } catch (FedcredException e) {
            return RenewalOutcome.failed(RenewalOutcome.Kind.TARGET, target.name(), e);
        }
    }

    /** Only credentials fedcred wrote and that are still where it wrote them are kept fresh. */
    private boolean writtenAndDue(TargetKinds.Bound<?> target) {
        Optional<Instant> expiry = target.cachedExpiry();
        return expiry.isPresent() && due(expiry.get(), lead) && target.writtenByFedcred();
    }

    private boolean due(Instant expiresAt, Duration ahead) {
        return !clock.instant().plus(ahead).isBefore(expiresAt);
    }
}
