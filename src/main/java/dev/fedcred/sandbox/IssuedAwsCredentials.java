package dev.fedcred.sandbox;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Temporary credentials handed out by AssumeRoleWithWebIdentity, remembered so that requests
 * signed with them can be verified. Expired ones are kept a while, so that using one is answered
 * "expired" rather than "unknown", as AWS does.
 */
final class IssuedAwsCredentials {

    /** One session: the key pair and token, and whose session it is (the role, and the session's ARN). */
    record Issued(String accessKeyId, String secretAccessKey, String sessionToken, Instant expiration,
                  String roleArn, String assumedRoleArn, String assumedRoleId) {

        String accountId() {
            return assumedRoleArn.split(":", 6)[4];
        }

        @Override
        public String toString() {
            // Records print every field; this one must never put a secret in a log or assertion message.
            return "Issued[accessKeyId=" + accessKeyId + ", expiration=" + expiration + ", assumedRoleArn=" + assumedRoleArn + "]";
        }
    }

    private static final Duration REMEMBER_EXPIRED = Duration.ofHours(12);
    /** Access key IDs and role IDs are upper-case letters and digits; base32's alphabet is a subset. */
    private static final char[] KEY_ID_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, Issued> byAccessKeyId = new ConcurrentHashMap<>();
    private final Clock clock;

    IssuedAwsCredentials(Clock clock) {
        this.clock = clock;
    }

    Issued issue(String roleArn, String sessionName, Duration duration) {
        Instant now = clock.instant();
        byAccessKeyId.values().removeIf(c -> now.isAfter(c.expiration().plus(REMEMBER_EXPIRED)));
        Issued issued = new Issued(
                // ASIA marks temporary (STS) access keys; 20 characters like real ones.
                "ASIA" + randomKeyIdCharacters(16),
                randomBase64(30),
                randomBase64(96),
                Instant.ofEpochSecond(now.getEpochSecond()).plus(duration),
                roleArn,
                AwsArns.assumedRoleArn(roleArn, sessionName),
                roleId(roleArn) + ":" + sessionName);
        byAccessKeyId.put(issued.accessKeyId(), issued);
        return issued;
    }

    Optional<Issued> find(String accessKeyId) {
        return Optional.ofNullable(accessKeyId).map(byAccessKeyId::get);
    }

    /**
     * IAM's unique role ID: AROA and 17 more characters, stable for a role. Derived from the ARN so
     * it stays the same across sandbox restarts, as a real role's does.
     */
    static String roleId(String roleArn) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(roleArn.getBytes(StandardCharsets.UTF_8));
            StringBuilder id = new StringBuilder("AROA");
            for (int i = 0; i < 17; i++) {
                id.append(KEY_ID_ALPHABET[(hash[i] & 0xff) % KEY_ID_ALPHABET.length]);
            }
            return id.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    private static String randomKeyIdCharacters(int count) {
        StringBuilder out = new StringBuilder(count);
        for (int i = 0; i < count; i++) {
            out.append(KEY_ID_ALPHABET[RANDOM.nextInt(KEY_ID_ALPHABET.length)]);
        }
        return out.toString();
    }

    /** Standard base64 like AWS's secrets and tokens ('+' and '/' included, to catch encoding slips). */
    private static String randomBase64(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return Base64.getEncoder().encodeToString(random);
    }
}
