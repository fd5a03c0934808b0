package dev.fedcred.core.session;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.fedcred.core.FedcredException;
import dev.fedcred.core.Json;
import dev.fedcred.core.files.SecureFiles;
import dev.fedcred.core.oidc.TokenSet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Keeps each issuer's verified token set between runs, in a 0600 file inside a 0700 state
 * directory. Only tokens that passed verification are stored. The cache holds nothing a new
 * sign-in cannot restore, so an unreadable cache counts as signed out rather than an error.
 */
public final class TokenCache {
    private final Path file;

    public TokenCache(Path file) {
        this.file = file;
    }

    public synchronized Optional<TokenSet> load(String issuerName) {
        return Optional.ofNullable(readAll().get(issuerName));
    }

    /** The most recently stored token set, whichever issuer it came from. */
    public synchronized Optional<TokenSet> latest() {
        return readAll().values().stream().reduce((a, b) -> a.verifiedAt().isAfter(b.verifiedAt()) ? a : b);
    }

    public synchronized void save(TokenSet tokens) {
        Map<String, TokenSet> all = readAll();
        all.put(tokens.issuerName(), tokens);
        writeAll(all);
    }

    /** Forgets one issuer's tokens; returns whether there were any. */
    public synchronized boolean remove(String issuerName) {
        Map<String, TokenSet> all = readAll();
        boolean removed = all.remove(issuerName) != null;
        if (removed) {
            writeAll(all);
        }
        return removed;
    }

    private Map<String, TokenSet> readAll() {
        Map<String, TokenSet> all = new LinkedHashMap<>();
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(Files.readString(file));
        } catch (NoSuchFileException e) {
            return all;
        } catch (IOException e) {
            return all;
        }
        if (root == null) {
            return all;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = root.path("tokens").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            decode(entry.getKey(), entry.getValue()).ifPresent(tokens -> all.put(entry.getKey(), tokens));
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

    private void writeAll(Map<String, TokenSet> all) {
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("version", 1);
        ObjectNode tokens = root.putObject("tokens");
        all.forEach((issuer, set) -> {
            ObjectNode node = tokens.putObject(issuer);
            node.put("id_token", set.rawIdToken());
            if (set.hasRefreshToken()) {
                node.put("refresh_token", set.refreshToken());
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
