package dev.fedcred.sandbox;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Verifies AWS Signature Version 4 in the Authorization header, written from the specification
 * ("Create a signed AWS API request", AWS General Reference) rather than taken from an SDK, so
 * that the SDK under test is checked against an independent reading of the rules.
 *
 * <p>Checks run in the order that gives the most useful answer: the key must be one this sandbox
 * issued and be presented with its session token, then unexpired, then the request recent, then
 * the signature right. Any region is accepted; the service in the scope must be {@code sts}.
 */
final class SigV4Verifier {

    static final String ALGORITHM = "AWS4-HMAC-SHA256";
    /** The payload hash a presigned request may carry instead of the body's. */
    static final String UNSIGNED_PAYLOAD = "UNSIGNED-PAYLOAD";
    /** How far X-Amz-Date may be from the server's clock, either way. */
    static final Duration MAX_SKEW = Duration.ofMinutes(15);
    private static final DateTimeFormatter AMZ_DATE =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final String SIGNATURE_MISMATCH = "The request signature we calculated does not match the "
            + "signature you provided. Check your AWS Secret Access Key and signing method. "
            + "Consult the service documentation for details.";

    /**
     * What a signature consists of, from the Authorization header and X-Amz-* headers, or from the
     * X-Amz-* query parameters of a presigned URL; verified the same way from here on.
     */
    private record SignatureParts(String accessKeyId, String date, String region, String service,
                                  String terminator, List<String> signedHeaders, String signature,
                                  String amzDate, String securityToken, boolean presigned) {
        String scope() {
            return date + "/" + region + "/" + service + "/" + terminator;
        }
    }

    private final IssuedAwsCredentials credentials;
    private final Clock clock;

    SigV4Verifier(IssuedAwsCredentials credentials, Clock clock) {
        this.credentials = credentials;
        this.clock = clock;
    }

    /**
     * The credentials that signed the request, in its Authorization header or, for a presigned URL
     * (query-string signing: what {@code aws eks get-token} makes), in its query; or the error STS
     * would answer. A presigned request is valid from 15 minutes before to 15 minutes after its
     * X-Amz-Date, whatever its X-Amz-Expires says: STS ignores that parameter (EKS tokens rely on
     * it, aws-iam-authenticator's pkg/token says so), and so does this emulator.
     */
    IssuedAwsCredentials.Issued verify(HttpExchange exchange, byte[] body) throws StsError {
        Headers headers = exchange.getRequestHeaders();
        String authorization = headers.getFirst("Authorization");
        SignatureParts parts;
        if (authorization != null) {
            parts = fromHeaders(authorization, headers);
        } else {
            Map<String, String> query = decodedQuery(exchange.getRequestURI().getRawQuery());
            if (!query.containsKey("X-Amz-Algorithm") && !query.containsKey("X-Amz-Signature")) {
                throw StsError.missingAuthenticationToken();
            }
            parts = fromQuery(query);
        }

        IssuedAwsCredentials.Issued issued = credentials.find(parts.accessKeyId())
                .orElseThrow(StsError::invalidClientTokenId);
        // Temporary keys are only valid together with their session token.
        if (parts.securityToken() == null || !constantTimeEquals(parts.securityToken(), issued.sessionToken())) {
            throw StsError.invalidClientTokenId();
        }
        Instant now = clock.instant();
        if (!now.isBefore(issued.expiration())) {
            throw StsError.expiredCredentials();
        }
        String amzDate = parts.amzDate();
        Instant signedAt;
        try {
            signedAt = AMZ_DATE.parse(amzDate, Instant::from);
        } catch (DateTimeParseException e) {
            throw StsError.incompleteSignature("X-Amz-Date must be in the form yyyyMMdd'T'HHmmss'Z'");
        }
        if (signedAt.isBefore(now.minus(MAX_SKEW))) {
            throw StsError.signatureDoesNotMatch("Signature expired: " + amzDate + " is now earlier than "
                    + AMZ_DATE.format(now.minus(MAX_SKEW)) + " (" + AMZ_DATE.format(now) + " - 15 min.)");
        }
        if (signedAt.isAfter(now.plus(MAX_SKEW))) {
            throw StsError.signatureDoesNotMatch("Signature not yet current: " + amzDate + " is still later than "
                    + AMZ_DATE.format(now.plus(MAX_SKEW)) + " (" + AMZ_DATE.format(now) + " + 15 min.)");
        }
        if (!parts.date().equals(amzDate.substring(0, 8))) {
            throw StsError.signatureDoesNotMatch("Date in Credential scope does not match YYYYMMDD from ISO-8601 "
                    + "version of date from HTTP: '" + parts.date() + "' != '" + amzDate.substring(0, 8)
                    + "', from '" + amzDate + "'.");
        }
        if (!parts.service().equals("sts")) {
            throw StsError.signatureDoesNotMatch("Credential should be scoped to correct service: 'sts'. ");
        }
        if (!parts.terminator().equals("aws4_request")) {
            throw StsError.signatureDoesNotMatch(
                    "Credential should be scoped with a valid terminator: 'aws4_request', not '" + parts.terminator() + "'. ");
        }
        if (!parts.signedHeaders().contains("host")) {
            throw StsError.signatureDoesNotMatch("'Host' must be a 'SignedHeader' in the AWS Authorization.");
        }

        byte[] key = signingKey(issued.secretAccessKey(), parts.date(), parts.region(), parts.service());
        String signature = parts.signature().toLowerCase(Locale.ROOT);
        String excluded = parts.presigned() ? "X-Amz-Signature" : null;
        String canonical = canonicalRequest(exchange, parts.signedHeaders(), hexSha256(body), excluded);
        if (constantTimeEquals(signatureOf(key, parts, canonical), signature)) {
            return issued;
        }
        // A presigned URL knows nothing of the body it will be sent with: signers may say so instead of hashing it.
        if (parts.presigned() && constantTimeEquals(signatureOf(key, parts,
                canonicalRequest(exchange, parts.signedHeaders(), UNSIGNED_PAYLOAD, excluded)), signature)) {
            return issued;
        }
        throw StsError.signatureDoesNotMatch(SIGNATURE_MISMATCH);
    }

    private static String signatureOf(byte[] key, SignatureParts parts, String canonicalRequest) {
        String stringToSign = ALGORITHM + "\n" + parts.amzDate() + "\n" + parts.scope() + "\n" + hexSha256(canonicalRequest);
        return HexFormat.of().formatHex(hmac(key, stringToSign));
    }

    private static SignatureParts fromHeaders(String header, Headers headers) throws StsError {
        String trimmed = header.trim();
        if (!trimmed.startsWith(ALGORITHM + " ")) {
            throw StsError.incompleteSignature("Authorization header must use " + ALGORITHM);
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (String part : trimmed.substring(ALGORITHM.length()).split(",")) {
            int eq = part.indexOf('=');
            if (eq > 0) {
                fields.put(part.substring(0, eq).trim(), part.substring(eq + 1).trim());
            }
        }
        for (String required : List.of("Credential", "SignedHeaders", "Signature")) {
            if (!fields.containsKey(required)) {
                throw StsError.incompleteSignature("Authorization header requires '" + required + "' parameter.");
            }
        }
        String amzDate = headers.getFirst("X-Amz-Date");
        if (amzDate == null) {
            throw StsError.incompleteSignature(
                    "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.");
        }
        return parts(fields.get("Credential"), fields.get("SignedHeaders"), fields.get("Signature"), amzDate,
                headers.getFirst("X-Amz-Security-Token"), false);
    }

    private static SignatureParts fromQuery(Map<String, String> query) throws StsError {
        for (String required : List.of("X-Amz-Algorithm", "X-Amz-Credential", "X-Amz-Date", "X-Amz-SignedHeaders",
                "X-Amz-Signature")) {
            if (!query.containsKey(required)) {
                throw StsError.incompleteSignature("AWS query-string parameters must include '" + required
                        + "'. Re-examine the query-string parameters.");
            }
        }
        if (!ALGORITHM.equals(query.get("X-Amz-Algorithm"))) {
            throw StsError.incompleteSignature("X-Amz-Algorithm must be " + ALGORITHM);
        }
        return parts(query.get("X-Amz-Credential"), query.get("X-Amz-SignedHeaders"), query.get("X-Amz-Signature"),
                query.get("X-Amz-Date"), query.get("X-Amz-Security-Token"), true);
    }

    private static SignatureParts parts(String credentialField, String signedHeaders, String signature, String amzDate,
                                        String securityToken, boolean presigned) throws StsError {
        String[] credential = credentialField.split("/", -1);
        if (credential.length != 5) {
            throw StsError.incompleteSignature(
                    "Credential must have the form ACCESS_KEY_ID/YYYYMMDD/REGION/SERVICE/aws4_request");
        }
        if (amzDate.length() < 8) {
            throw StsError.incompleteSignature("X-Amz-Date must be in the form yyyyMMdd'T'HHmmss'Z'");
        }
        return new SignatureParts(credential[0], credential[1], credential[2], credential[3], credential[4],
                List.of(signedHeaders.toLowerCase(Locale.ROOT).split(";")), signature, amzDate, securityToken, presigned);
    }

    /** The query's parameters, decoded; the first of a repeated name. */
    private static Map<String, String> decodedQuery(String rawQuery) {
        Map<String, String> params = new LinkedHashMap<>();
        if (rawQuery == null) {
            return params;
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String name = formDecode(eq < 0 ? pair : pair.substring(0, eq));
            params.putIfAbsent(name, formDecode(eq < 0 ? "" : pair.substring(eq + 1)));
        }
        return params;
    }

    /**
     * The canonical request: method, canonical URI, canonical query string, canonical headers,
     * signed headers and the payload's hash (the hex SHA-256 of the body), one per line; a presigned
     * request's query is signed without its own X-Amz-Signature ({@code excludedQueryName}, else null).
     */
    static String canonicalRequest(HttpExchange exchange, List<String> signedHeaders, String payloadHash,
                                   String excludedQueryName) {
        StringBuilder canonical = new StringBuilder();
        canonical.append(exchange.getRequestMethod()).append('\n');
        canonical.append(canonicalUri(exchange.getRequestURI().getRawPath())).append('\n');
        canonical.append(canonicalQuery(exchange.getRequestURI().getRawQuery(), excludedQueryName)).append('\n');
        Headers headers = exchange.getRequestHeaders();
        for (String name : signedHeaders) {
            canonical.append(name).append(':').append(canonicalHeaderValue(headers.get(name))).append('\n');
        }
        canonical.append('\n');
        canonical.append(String.join(";", signedHeaders)).append('\n');
        canonical.append(payloadHash);
        return canonical.toString();
    }

    /**
     * Every service but S3 normalises the path (RFC 3986 dot segments) and URI-encodes each
     * segment of the path as sent, which was already encoded once by the client: so a space sent
     * as %20 is signed as %2520.
     */
    static String canonicalUri(String rawPath) {
        if (rawPath == null || rawPath.isEmpty()) {
            return "/";
        }
        String normalised = URI.create(rawPath).normalize().getRawPath();
        // split keeps the empty segments, so leading and trailing slashes survive the join.
        return Arrays.stream(normalised.split("/", -1))
                .map(SigV4Verifier::uriEncode)
                .collect(Collectors.joining("/"));
    }

    /** Decoded, re-encoded the AWS way, sorted by name then value; without {@code excludedName} if not null. */
    static String canonicalQuery(String rawQuery, String excludedName) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return "";
        }
        List<String[]> pairs = new ArrayList<>();
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            if (formDecode(name).equals(excludedName)) {
                continue;
            }
            pairs.add(new String[] {uriEncode(formDecode(name)), uriEncode(formDecode(value))});
        }
        pairs.sort((a, b) -> a[0].equals(b[0]) ? a[1].compareTo(b[1]) : a[0].compareTo(b[0]));
        StringBuilder out = new StringBuilder();
        for (String[] pair : pairs) {
            if (out.length() > 0) {
                out.append('&');
            }
            out.append(pair[0]).append('=').append(pair[1]);
        }
        return out.toString();
    }

    /** Values trimmed, inner runs of spaces collapsed, repeated headers joined with commas. */
    private static String canonicalHeaderValue(List<String> values) {
        if (values == null) {
            return "";
        }
        List<String> cleaned = new ArrayList<>();
        for (String value : values) {
            cleaned.add(value.trim().replaceAll(" +", " "));
        }
        return String.join(",", cleaned);
    }

    /** RFC 3986 unreserved characters stay, everything else is %XX in upper-case hex, UTF-8. */
    static String uriEncode(String text) {
        StringBuilder out = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '_' || c == '.' || c == '~') {
                out.append(c);
            } else {
                out.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return out.toString();
    }

    /** Query strings use '+' for spaces in form encoding; decoding first makes both spellings sign alike. */
    private static String formDecode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return text;
        }
    }

    private static byte[] signingKey(String secret, String date, String region, String service) {
        byte[] kDate = hmac(("AWS4" + secret).getBytes(StandardCharsets.UTF_8), date);
        byte[] kRegion = hmac(kDate, region);
        byte[] kService = hmac(kRegion, service);
        return hmac(kService, "aws4_request");
    }

    private static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required by every Java platform", e);
        }
    }

    static String hexSha256(String text) {
        return hexSha256(text.getBytes(StandardCharsets.UTF_8));
    }

    static String hexSha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    private static boolean constantTimeEquals(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
