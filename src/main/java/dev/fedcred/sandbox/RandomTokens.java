package dev.fedcred.sandbox;

import java.security.SecureRandom;
import java.util.Base64;

/** Opaque, unguessable strings for codes, tokens and ids (256 bits, base64url without padding). */
final class RandomTokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    private RandomTokens() {
    }

    static String next() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
