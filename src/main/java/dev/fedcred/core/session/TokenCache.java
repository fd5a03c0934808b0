package dev.fedcred.core.session;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.fedcred.core.FedcredException;
import dev.fedcred.core.Json;
import java.io.IOException;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.fedcred.core.JsonTrees;
import dev.fedcred.core.files.BoundedFiles;
import dev.fedcred.core.files.FileSizeLimit;
import dev.fedcred.core.files.FileUpdateLock;
import dev.fedcred.core.files.SecureFiles;
import dev.fedcred.core.oidc.TokenSet;
import dev.fedcred.core.secrets.KeychainUnavailableException;
import dev.fedcred.core.secrets.SecretStores;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Keeps each issuer's verified token set between runs, in a 0600 file inside a 0700 state
 * directory. Only tokens that passed verification are stored. The cache holds nothing a new
 * sign-in cannot restore, so an unreadable cache counts as signed out rather than an error.
 *
 * <p>Refresh tokens stay in the file by default, so a fresh process (the AWS CLI's
 * credential_process) can renew. With the keychain setting on they go to the
 * {@link RefreshTokenVault} instead and the file only notes {@code "refresh_token_in": "keychain"}.
 *
 * <p>Every change re-reads the file under its {@link FileUpdateLock}, so two processes signing in
 * to two issuers at once (or the app renewing while the CLI signs in) keep both sign-ins.
 */
public final class TokenCache {
    private static final String IN_KEYCHAIN = "keychain";

    private final Path file;
    private final RefreshTokenVault vault;

    /** A token file that keeps refresh tokens itself. */
    public TokenCache(Path file) {
        this(file, new RefreshTokenVault(SecretStores.none(), () -> false));
    }

    public TokenCache(Path file, RefreshTokenVault vault) {
        this.file = file;
        this.vault = vault;
    }

    /** An issuer's entry as the file has it: the refresh token only when the file keeps it. */
    private record Stored(TokenSet tokens, boolean inKeychain) {
    }

    /** Which issuers' refresh tokens could not be moved, and why (the first reason). */
    public record Relocation(List<String> notMoved, String reason) {
        public boolean complete() {
            return notMoved.isEmpty();
        }
    }

    public Path file() {
        return file;
    }

    public RefreshTokenVault vault() {
        return vault;
    }

    /** No lock: writers replace the file by an atomic rename, so a read sees one whole version. */
    public Optional<TokenSet> load(String issuerName) {
        return Optional.ofNullable(readAll().get(issuerName)).map(this::withRefreshToken);
    }

    /**
     * The issuer's stored ID token and its times, without parsing it with the JWT library or
     * touching the refresh token (no keychain): for {@code gcp subject-token}'s hot path.
     */
    public Optional<StoredIdToken> idToken(String issuerName) {
        JsonNode entry = tree().path("tokens").path(issuerName).path("id_token");
        return entry.isTextual() ? StoredIdToken.of(entry.asText()) : Optional.empty();
    }

    /** The most recently stored token set, whichever issuer it came from. */
    public Optional<TokenSet> latest() {
        return readAll().values().stream()
                .reduce((a, b) -> a.tokens().verifiedAt().isAfter(b.tokens().verifiedAt()) ? a : b)
                .map(this::withRefreshToken);
    }

    public void save(TokenSet tokens) {
        try (FileUpdateLock lock = FileUpdateLock.acquire(file)) {
            Map<String, Stored> all = readAll();
            Stored before = all.get(tokens.issuerName());
            RefreshTokenVault.Kept kept = vault.keep(tokens.issuerName(), tokens.refreshToken());
            all.put(tokens.issuerName(), new Stored(tokens.withRefreshToken(kept.inFile()), kept.inKeychain()));
            writeAll(all);
            if (before != null && before.inKeychain() && !kept.inKeychain()) {
                vault.forget(tokens.issuerName(), true);
            }
        }
    }

    /** Forgets one issuer's tokens, its refresh token in the keychain too; returns whether there were any. */
    public boolean remove(String issuerName) {
        try (FileUpdateLock lock = FileUpdateLock.acquire(file)) {
            Map<String, Stored> all = readAll();
            Stored removed = all.remove(issuerName);
            if (removed != null) {
                writeAll(all);
            }
            vault.forget(issuerName, removed != null && removed.inKeychain());
            return removed != null;
        }
    }

    /** Where each issuer's refresh token is now, from the file and this process's memory; the keychain is not asked. */
    public synchronized Map<String, RefreshTokenPlace> refreshTokenPlaces() {
        Map<String, RefreshTokenPlace> places = new LinkedHashMap<>();
        readAll().forEach((issuer, stored) -> places.put(issuer, stored.tokens().hasRefreshToken() ? RefreshTokenPlace.TOKEN_FILE
                : stored.inKeychain() ? RefreshTokenPlace.KEYCHAIN
                : vault.holdsInMemory(issuer) ? RefreshTokenPlace.MEMORY : RefreshTokenPlace.NONE));
        return places;
    }

    /**
     * Moves every refresh token to where the setting now says: into the keychain when it is on,
     * back into the file when it is off. A token the keychain will not take or give stays where it
     * is, so nothing is lost.
     */
    public Relocation relocateRefreshTokens() {
        try (FileUpdateLock lock = FileUpdateLock.acquire(file)) {
            return relocateUnderLock();
        }
    }

    private Relocation relocateUnderLock() {
        boolean toKeychain = vault.keychainOn();
        Map<String, Stored> all = readAll();
        List<String> notMoved = new ArrayList<>();
        String reason = null;
        for (Map.Entry<String, Stored> entry : new ArrayList<>(all.entrySet())) {
            String issuer = entry.getKey();
            Stored stored = entry.getValue();
            try {
                if (toKeychain && stored.tokens().hasRefreshToken()) {
                    vault.keychain().put(issuer, stored.tokens().refreshToken());
                    all.put(issuer, new Stored(stored.tokens().withRefreshToken(null), true));
                } else if (!toKeychain && stored.inKeychain()) {
                    String refresh = vault.keychain().get(issuer).orElse(null);
                    all.put(issuer, new Stored(stored.tokens().withRefreshToken(refresh), false));
                }
            } catch (KeychainUnavailableException e) {
                notMoved.add(issuer);
                reason = reason == null ? e.getMessage() : reason;
            }
        }
        writeAll(all);
        if (!toKeychain) {
            all.forEach((issuer, stored) -> {
                if (!stored.inKeychain()) {
                    deleteQuietly(issuer);
                }
            });
        }
        return new Relocation(List.copyOf(notMoved), reason);
    }

    private void deleteQuietly(String issuer) {
        try {
            vault.keychain().delete(issuer);
        } catch (KeychainUnavailableException e) {
            // the token is safe in the file; a copy left in the keychain is reported by status
        }
    }

    private TokenSet withRefreshToken(Stored stored) {
        if (stored.tokens().hasRefreshToken()) {
            return stored.tokens();
        }
        return stored.tokens().withRefreshToken(vault.recall(stored.tokens().issuerName(), stored.inKeychain()).orElse(null));
    }

    /** The file's tree; missing when the file is missing, unreadable or does not parse, as for an empty one. */
    private JsonNode tree() {
        try {
            return JsonTrees.read(BoundedFiles.readString(file, FileSizeLimit.TOKEN_CACHE));
        } catch (IOException e) {
            return MissingNode.getInstance();
        }
    }

    private Map<String, Stored> readAll() {
        Map<String, Stored> all = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = tree().path("tokens").fields();
             it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            decode(entry.getKey(), entry.getValue()).ifPresent(tokens -> all.put(entry.getKey(),
                    new Stored(tokens, IN_KEYCHAIN.equals(entry.getValue().path("refresh_token_in").asText()))));
        }
        return all;
    }

    private static Optional<TokenSet> decode(String issuerName, JsonNode node) {
        try {
            SignedJWT jwt = SignedJWT.parse(node.path("id_token").asText());
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            String refresh = node.path("refresh_token").asText(null);
            Instant verifiedAt = Instant.parse(node.path("verified_at").asText());
            return Optional.of(new TokenSet(issuerName, jwt.serialize(), jwt.getHeader().toJSONObject(),
                    claims.toJSONObject(), claims.getExpirationTime().toInstant(), verifiedAt, refresh));
        } catch (ParseException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private void writeAll(Map<String, Stored> all) {
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("version", 1);
        ObjectNode tokens = root.putObject("tokens");
        all.forEach((issuer, stored) -> {
            TokenSet set = stored.tokens();
            ObjectNode node = tokens.putObject(issuer);
            node.put("id_token", set.rawIdToken());
            if (set.hasRefreshToken()) {
                node.put("refresh_token", set.refreshToken());
            } else if (stored.inKeychain()) {
                node.put("refresh_token_in", IN_KEYCHAIN);
            }
            node.put("verified_at", set.verifiedAt().toString());
        });
        try {
            SecureFiles.writeAtomically(file, Json.MAPPER.writeValueAsBytes(root));
        } catch (JsonProcessingException e) {
            throw new FedcredException("Cannot encode the token cache.", e);
        }
    }
}
