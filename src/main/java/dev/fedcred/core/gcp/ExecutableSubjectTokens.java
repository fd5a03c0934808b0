package dev.fedcred.core.gcp;

import dev.fedcred.core.FedcredException;
import dev.fedcred.core.files.BoundedFiles;
import dev.fedcred.core.files.FileSizeLimit;
import dev.fedcred.core.files.SecureFiles;
import dev.fedcred.core.issuers.IssuerRegistry;
import dev.fedcred.core.oidc.IssuerConfig;
import dev.fedcred.core.oidc.TokenSet;
import dev.fedcred.core.session.IdentitySessions;
import dev.fedcred.core.session.RenewalLead;
import dev.fedcred.core.session.StoredIdToken;
import dev.fedcred.core.session.TokenCache;
import dev.fedcred.core.text.OutsideText;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The executable credential source's side in fedcred ({@code fedcred gcp subject-token TARGET}): the
 * issuer's ID token as an {@link ExecutableResponse}, renewed through the refresh token when it is
 * due. Google's libraries run the command only when they need a new access token, with
 * {@code GOOGLE_EXTERNAL_ACCOUNT_*} variables saying what they expect. fedcred never opens a browser
 * from here, interactive ({@code GOOGLE_EXTERNAL_ACCOUNT_INTERACTIVE=1}) or not: a library would wait
 * on a sign-in nobody sees; the failure names the command that signs in.
 */
public final class ExecutableSubjectTokens {
    public static final String ALLOW_VARIABLE = "GOOGLE_EXTERNAL_ACCOUNT_ALLOW_EXECUTABLES";
    static final String AUDIENCE_VARIABLE = "GOOGLE_EXTERNAL_ACCOUNT_AUDIENCE";
    static final String TOKEN_TYPE_VARIABLE = "GOOGLE_EXTERNAL_ACCOUNT_TOKEN_TYPE";
    static final String OUTPUT_FILE_VARIABLE = "GOOGLE_EXTERNAL_ACCOUNT_OUTPUT_FILE";
    /** The OIDC token types; an ID token is both. SAML is the only other one the libraries know. */
    private static final Set<String> OIDC_TOKEN_TYPES = Set.of(ExecutableResponse.ID_TOKEN_TYPE,
            WorkloadIdentityExchanger.JWT_TOKEN_TYPE);
    /** The library exchanges the token at once; this much must remain after the time it is told to stop using it. */
    static final Duration MIN_USE = Duration.ofSeconds(10);

    private final IssuerRegistry issuers;
    private final TokenCache tokens;
    /** Built only when a token must be renewed: reading the cache needs none of the OIDC machinery. */
    private final Supplier<IdentitySessions> sessions;
    private final Clock clock;

    public ExecutableSubjectTokens(IssuerRegistry issuers, TokenCache tokens, Supplier<IdentitySessions> sessions,
                                   Clock clock) {
        this.issuers = issuers;
        this.tokens = tokens;
        this.sessions = sessions;
        this.clock = clock;
    }

    /**
     * Refuses what the library asks for when this target cannot give it: another audience (the ADC
     * file was edited, or the target changed since it was written) or a token type that is not OIDC.
     */
    public void check(GcpWorkloadTarget target, Map<String, String> env) {
        String audience = env.get(AUDIENCE_VARIABLE);
        if (audience != null && !audience.isBlank() && !audience.equals(target.audience())) {
            throw new ExecutableRequestException("AUDIENCE_MISMATCH", "The ADC file asks for a token for "
                    + OutsideText.quoted(audience) + ", but the fedcred target " + target.name() + " is for "
                    + target.audience() + ". Write the file again with `fedcred assume " + target.name() + "`.");
        }
        String type = env.get(TOKEN_TYPE_VARIABLE);
        if (type != null && !type.isBlank() && !OIDC_TOKEN_TYPES.contains(type)) {
            throw new ExecutableRequestException("UNSUPPORTED_TOKEN_TYPE", "fedcred gives OIDC ID tokens ("
                    + ExecutableResponse.ID_TOKEN_TYPE + "), not " + OutsideText.quoted(type) + ". Set the ADC file's"
                    + " subject_token_type to " + WorkloadIdentityExchanger.JWT_TOKEN_TYPE + " (`fedcred assume "
                    + target.name() + "` writes it so).");
        }
    }

    /** The response with the stored ID token while it is fresh, read without the JWT library; else empty. */
    public Optional<String> fresh(GcpWorkloadTarget target) {
        String issuer = issuers.resolve(target.issuer()).name();
        return tokens.idToken(issuer).filter(this::fresh)
                .map(token -> ExecutableResponse.success(token.raw(), usableUntil(token.expiresAt(), token.lifetime())));
    }

    /**
     * The response with an ID token fresh enough, renewed through the refresh token when it is due.
     *
     * @throws dev.fedcred.core.session.SignInRequiredException when only a browser sign-in helps
     */
    public String renewed(GcpWorkloadTarget target) {
        IssuerConfig issuer = issuers.resolve(target.issuer());
        Instant now = clock.instant();
        Duration lead = tokens.idToken(issuer.name()).map(token -> RenewalLead.of(RenewalLead.DEFAULT, token.lifetime()))
                .orElse(RenewalLead.DEFAULT);
        TokenSet usable = sessions.get().usableTokens(issuer, lead.plus(MIN_USE).plusSeconds(1), now);
        Instant until = usableUntil(usable.expiresAt(), usable.lifetime());
        if (!until.isAfter(now.plus(MIN_USE))) {
            throw new FedcredException(issuer.label() + " gives ID tokens that live " + usable.lifetime().toSeconds()
                    + " s, too briefly for Google's libraries to use one. Use the file source (adc_source=file).");
        }
        return ExecutableResponse.success(usable.rawIdToken(), until);
    }

    /**
     * Keeps the response where the ADC file's {@code output_file} (passed as
     * GOOGLE_EXTERNAL_ACCOUNT_OUTPUT_FILE) says, so the libraries reuse it without running fedcred
     * until it is due; only a missing file or an earlier response is replaced (0600, atomically).
     */
    public void keepOutput(Map<String, String> env, String response) {
        String named = env.get(OUTPUT_FILE_VARIABLE);
        if (named == null || named.isBlank()) {
            return;
        }
        Path file = Path.of(named);
        try {
            String existing = BoundedFiles.readString(file, FileSizeLimit.ADC_FILE);
            if (!existing.isBlank() && !ExecutableResponse.isOne(existing)) {
                throw new ExecutableRequestException("OUTPUT_FILE_IN_USE", OutsideText.quoted(named) + " (the ADC"
                        + " file's output_file) holds something else; fedcred leaves it alone. Write the ADC file"
                        + " again with `fedcred assume TARGET`.");
            }
        } catch (NoSuchFileException e) {
            // written below
        } catch (IOException e) {
            throw new FedcredException("Cannot read " + OutsideText.quoted(named) + " (the ADC file's output_file): "
                    + e.getMessage(), e);
        }
        SecureFiles.writeAtomically(file, response.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Until when the libraries may use the token: ahead of its expiry by the lead fedcred renews with,
     * so the exchange they make with it never meets an expired token, and the next run renews it.
     */
    static Instant usableUntil(Instant expiresAt, Duration lifetime) {
        return expiresAt.minus(RenewalLead.of(RenewalLead.DEFAULT, lifetime));
    }

    private boolean fresh(StoredIdToken token) {
        return usableUntil(token.expiresAt(), token.lifetime()).isAfter(clock.instant().plus(MIN_USE));
    }
}
