package dev.fedcred.core.gcp;

import dev.fedcred.core.oidc.IssuerConfig;
import dev.fedcred.core.oidc.TokenSet;
import dev.fedcred.core.session.IdentitySessions;
import dev.fedcred.core.issuers.IssuerRegistry;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fedcred.core.files.SecureFiles;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * From a GCP target to credentials: a usable ID token (renewed through the refresh token when
 * needed), the workload identity exchange, the token cache, and the ADC file with its ID-token file.
 */
public final class GcpCredentialService {
    /** STS must still see the ID token as valid when the request arrives, whatever the clock skew. */
    static final Duration MIN_ID_TOKEN_LEFT = Duration.ofMinutes(1);
    /**
     * An ADC file is only as good as the ID token it names: before writing one, a token with less
     * than this left is renewed, so the libraries can use the file for a while.
     */
    static final Duration MIN_ID_TOKEN_LEFT_FOR_ADC = Duration.ofMinutes(10);
    /**
     * Access tokens with less than this left are renewed instead of reused: enough for a script's
     * gcloud or curl calls, and gcloud with CLOUDSDK_AUTH_ACCESS_TOKEN never refreshes by itself.
     */
    public static final Duration REUSE_MARGIN = Duration.ofMinutes(5);

    private final IssuerRegistry issuers;
    private final IdentitySessions sessions;
    /** Built on the first exchange, so reading cached tokens never loads Google's auth library. */
    private final Supplier<WorkloadIdentityExchanger> exchanger;
    private final GcpTokenCache cache;
    private final SubjectTokenFiles subjectTokens;
    private final AdcLocations locations;
    private final AdcFileWriter adcWriter;
    /** The command an executable source runs for a target ({@code fedcred gcp subject-token NAME}, as this fedcred starts). */
    private final Function<GcpWorkloadTarget, String> executableCommand;
    private final Clock clock;

    public GcpCredentialService(IssuerRegistry issuers, IdentitySessions sessions, Supplier<WorkloadIdentityExchanger> exchanger,
                                GcpTokenCache cache, SubjectTokenFiles subjectTokens, AdcLocations locations,
                                AdcFileWriter adcWriter, Function<GcpWorkloadTarget, String> executableCommand, Clock clock) {
        this.issuers = issuers;
        this.sessions = sessions;
        this.exchanger = exchanger;
        this.cache = cache;
        this.subjectTokens = subjectTokens;
        this.locations = locations;
        this.adcWriter = adcWriter;
        this.executableCommand = executableCommand;
        this.clock = clock;
    }

    /**
     * Exchanges a fresh ID token (proving the provider and binding work), then writes the ID-token
     * file and an ADC file naming it, for gcloud and Google's libraries.
     *
     * @param force replace an ADC file fedcred did not write (a copy is kept)
     */
    public WrittenAdc assumeAndWrite(GcpWorkloadTarget target, boolean force) {
        Path adcFile = adcFile(target);
        adcWriter.requireWritable(adcFile, target.name(), force);
        AdcSource source = sourceFor(target, AdcFileWriter.readIfExists(SecureFiles.resolveSymbolicLinks(adcFile)));
        // the command first: one that cannot be written (a space in its path) stops before any call
        String command = source == AdcSource.EXECUTABLE ? executableCommand.apply(target) : null;
        TokenSet tokens = usableTokens(target, MIN_ID_TOKEN_LEFT_FOR_ADC);
        GcpAccessToken token = exchange(target, tokens);
        // the file source's ID-token file is written either way: `fedcred refresh` and the app keep it fresh
        Path subjectTokenFile = subjectTokens.write(tokens);
        ObjectNode adc = source == AdcSource.EXECUTABLE
                ? ExternalAccountAdc.buildExecutable(target, command, subjectTokens.responseFileFor(tokens.issuerName()))
                : ExternalAccountAdc.build(target, subjectTokenFile);
        Optional<Path> backup = adcWriter.write(adcFile, target.name(), adc, force);
        return new WrittenAdc(token, adcFile, subjectTokenFile, tokens.expiresAt(), backup, source, command);
    }

    /**
     * The source an ADC file gets: the target's choice; without one, the executable, except where the
     * file already holds fedcred's file source (written before fedcred had the executable source): an
     * application that reads it today without GOOGLE_EXTERNAL_ACCOUNT_ALLOW_EXECUTABLES must go on
     * working, so it keeps the file source until the user chooses.
     *
     * @param existing the ADC file's text, when there is one
     */
    public static AdcSource sourceFor(GcpWorkloadTarget target, Optional<String> existing) {
        if (target.adcSource() != null) {
            return target.adcSource();
        }
        return existing.flatMap(ExternalAccountAdc::sourceOf).filter(AdcSource.FILE::equals).orElse(AdcSource.EXECUTABLE);
    }

    /** Always exchanges for a new access token. */
    public GcpAccessToken assume(GcpWorkloadTarget target) {
        return exchange(target, usableTokens(target, MIN_ID_TOKEN_LEFT));
    }

    /** A dry run: exchanges the ID token for an access token and hands it back, caching and writing nothing. */
    public GcpAccessToken tryExchange(GcpWorkloadTarget target) {
        return exchanger.get().exchange(target, usableTokens(target, MIN_ID_TOKEN_LEFT));
    }

    /** The sign-in stored for the target's issuer, without renewing it; empty when signed out. */
    public Optional<TokenSet> storedTokens(GcpWorkloadTarget target) {
        return sessions.current(issuers.resolve(target.issuer()).name());
    }

    /** The cached access token while it has more than {@link #REUSE_MARGIN} left, else a new one. */
    public GcpAccessToken current(GcpWorkloadTarget target) {
        Optional<GcpAccessToken> cached = cache.load(target.name());
        if (cached.isPresent() && cached.get().validFor(REUSE_MARGIN, clock.instant())) {
            return cached.get();
        }
        return assume(target);
    }

    /** The last access token fedcred got for the target, without a new exchange; it may have expired. */
    public Optional<GcpAccessToken> cached(GcpWorkloadTarget target) {
        return cache.load(target.name());
    }

    /** Removes the ADC file fedcred wrote for the target and puts back the one it replaced, if any. */
    public AdcFileWriter.Removal removeAdc(GcpWorkloadTarget target) {
        return adcWriter.remove(adcFile(target), target.name());
    }

    public Path adcFile(GcpWorkloadTarget target) {
        return locations.forTarget(target);
    }

    /** Where a target without an ADC file of its own writes. */
    public Path defaultAdcFile() {
        return locations.defaultFile();
    }

    public void forget(GcpWorkloadTarget target) {
        cache.remove(target.name());
    }

    private TokenSet usableTokens(GcpWorkloadTarget target, Duration minimumLeft) {
        IssuerConfig issuer = issuers.resolve(target.issuer());
        return sessions.usableTokens(issuer, minimumLeft, clock.instant());
    }

    private GcpAccessToken exchange(GcpWorkloadTarget target, TokenSet tokens) {
        GcpAccessToken token = exchanger.get().exchange(target, tokens);
        cache.save(target.name(), token);
        return token;
    }
}
