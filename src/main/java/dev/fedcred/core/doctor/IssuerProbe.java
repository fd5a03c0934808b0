package dev.fedcred.core.doctor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fedcred.core.net.BoundedInputStream;
import dev.fedcred.core.net.Deadline;
import dev.fedcred.core.net.ReplyLimit;
import dev.fedcred.core.text.OutsideText;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Asks an issuer for its discovery document, as sign-in would, and keeps what the checks need:
 * the document and the HTTP Date of the reply (the issuer's clock). Bounded like every remote reply.
 */
final class IssuerProbe {
    static final Duration DEADLINE = Duration.ofSeconds(8);
    private static final long MAX_BYTES = 256 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What the issuer answered: its document, or why there is none, and its clock if it said. */
    record Answer(JsonNode document, String failure, Optional<Instant> date) {
    }

    static URI discoveryUrl(URI issuer) {
        String base = issuer.toString();
        return URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base)
                + "/.well-known/openid-configuration");
    }

    static Answer ask(URI issuer) {
        URI url = discoveryUrl(issuer);
        Deadline deadline = Deadline.in(DEADLINE);
        HttpURLConnection connection = null;
        try {
            connection = (HttpURLConnection) url.toURL().openConnection();
            connection.setInstanceFollowRedirects(false);
            connection.setConnectTimeout((int) Deadline.CONNECT.toMillis());
            connection.setReadTimeout(deadline.remainingMillis());
            connection.setRequestProperty("Accept", "application/json");
            int status = connection.getResponseCode();
            Optional<Instant> date = date(connection.getHeaderField("Date"));
            if (status != 200) {
                return new Answer(null, "answered HTTP " + status + " at " + url, date);
            }
            ReplyLimit limit = new ReplyLimit("the discovery document", url.toString(), MAX_BYTES);
            try (InputStream in = new BoundedInputStream(connection.getInputStream(), limit, deadline)) {
                return new Answer(JSON.readTree(in), null, date);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                return new Answer(null, "answered something that is not JSON at " + url, date);
            }
        } catch (IOException | RuntimeException e) {
            return new Answer(null, "did not answer at " + url + " (" + OutsideText.shown(String.valueOf(e.getMessage())) + ")",
                    Optional.empty());
        } finally {
            if (connection != null) {
                connection.disconnect();
            }
        }
    }

    private static Optional<Instant> date(String header) {
        if (header == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(ZonedDateTime.parse(header, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
