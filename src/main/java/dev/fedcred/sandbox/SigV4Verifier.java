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
    /** How far X-Amz-Date may be from the server's clock, either way. */
    static final Duration MAX_SKEW = Duration.ofMinutes(15);
    private static final DateTimeFormatter AMZ_DATE =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final String SIGNATURE_MISMATCH = "The request signature we calculated does not match the "
            + "signature you provided. Check your AWS Secret Access Key and signing method. "
            + "Consult the service documentation for details.";

    /** The parts of {@code Authorization: AWS4-HMAC-SHA256 Credential=…, SignedHeaders=…, Signature=…}. */
    private record AuthorizationHeader(String accessKeyId, String date, String region, String service,
                                       String terminator, List<String> signedHeaders, String signature) {
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

    /** The credentials that signed the request, or the error STS would answer. */
    IssuedAwsCredentials.Issued verify(HttpExchange exchange, byte[] body) throws StsError {
        Headers headers = exchange.getRequestHeaders();
        String authorization = headers.getFirst("Authorization");
        if (authorization == null) {
            throw StsError.missingAuthenticationToken();
        }
        AuthorizationHeader auth = parse(authorization);

        IssuedAwsCredentials.Issued issued = credentials.find(auth.accessKeyId())
                .orElseThrow(StsError::invalidClientTokenId);
        String token = headers.getFirst("X-Amz-Security-Token");
        // Temporary keys are only valid together with their session token.
        if (token == null || !constantTimeEquals(token, issued.sessionToken())) {
            throw StsError.invalidClientTokenId();
        }
        Instant now = clock.instant();
        if (!now.isBefore(issued.expiration())) {
            throw StsError.expiredCredentials();
        }

        String amzDate = headers.getFirst("X-Amz-Date");
        if (amzDate == null) {
            throw StsError.incompleteSignature(
                    "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.");
        }
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
        if (!auth.date().equals(amzDate.substring(0, 8))) {
            throw StsError.signatureDoesNotMatch("Date in Credential scope does not match YYYYMMDD from ISO-8601 "
                    + "version of date from HTTP: '" + auth.date() + "' != '" + amzDate.substring(0, 8)
                    + "', from '" + amzDate + "'.");
        }
        if (!auth.service().equals("sts")) {
            throw StsError.signatureDoesNotMatch("Credential should be scoped to correct service: 'sts'. ");
        }
        if (!auth.terminator().equals("aws4_request")) {
            throw StsError.signatureDoesNotMatch(
                    "Credential should be scoped with a valid terminator: 'aws4_request', not '" + auth.terminator() + "'. ");
        }
        if (!auth.signedHeaders().contains("host")) {
            throw StsError.signatureDoesNotMatch("'Host' must be a 'SignedHeader' in the AWS Authorization.");
        }

        String canonicalRequest = canonicalRequest(exchange, auth.signedHeaders(), body);
        String stringToSign = ALGORITHM + "\n" + amzDate + "\n" + auth.scope() + "\n" + hexSha256(canonicalRequest);
        byte[] key = signingKey(issued.secretAccessKey(), auth.date(), auth.region(), auth.service());
        String expected = HexFormat.of().formatHex(hmac(key, stringToSign));
        if (!constantTimeEquals(expected, auth.signature().toLowerCase(Locale.ROOT))) {
            throw StsError.signatureDoesNotMatch(SIGNATURE_MISMATCH);
        }
        return issued;
    }

    private static AuthorizationHeader parse(String header) throws StsError {
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
        String[] credential = fields.get("Credential").split("/", -1);
        if (credential.length != 5) {
            throw StsError.incompleteSignature(
                    "Credential must have the form ACCESS_KEY_ID/YYYYMMDD/REGION/SERVICE/aws4_request");
        }
        List<String> signedHeaders = List.of(fields.get("SignedHeaders").split(";"));
        return new AuthorizationHeader(credential[0], credential[1], credential[2], credential[3], credential[4],
                signedHeaders, fields.get("Signature"));
    }

    /**
     * The canonical request: method, canonical URI, canonical query string, canonical headers,
     * signed headers and the hex SHA-256 of the body, one per line.
     */
    static String canonicalRequest(HttpExchange exchange, List<String> signedHeaders, byte[] body) {
        StringBuilder canonical = new StringBuilder();
        canonical.append(exchange.getRequestMethod()).append('\n');
        canonical.append(canonicalUri(exchange.getRequestURI().getRawPath())).append('\n');
        canonical.append(canonicalQuery(exchange.getRequestURI().getRawQuery())).append('\n');
        Headers headers = exchange.getRequestHeaders();
        for (String name : signedHeaders) {
            canonical.append(name).append(':').append(canonicalHeaderValue(headers.get(name))).append('\n');
        }
        canonical.append('\n');
        canonical.append(String.join(";", signedHeaders)).append('\n');
        canonical.append(hexSha256(body));
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

    /** Decoded, re-encoded the AWS way, sorted by name then value. */
    static String canonicalQuery(String rawQuery) {
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
