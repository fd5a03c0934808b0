package dev.fedcred.core.gcp;

import com.google.api.client.http.HttpTransport;
import com.google.api.client.http.javanet.NetHttpTransport;
import com.google.auth.http.HttpTransportFactory;
import dev.fedcred.core.FedcredException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The HTTP transports Google's auth library uses: the JDK's trust store, or only the CAs of a PEM
 * file when a target names one (the sandbox's own CA). One transport per file, kept warm.
 */
public final class GcpHttpTransports {
    private static final HttpTransportFactory SYSTEM_TRUST = new Factory(new NetHttpTransport());

    private final Map<Path, HttpTransportFactory> byCaFile = new ConcurrentHashMap<>();

    public HttpTransportFactory forCaFile(Path caFile) {
        return caFile == null ? SYSTEM_TRUST : byCaFile.computeIfAbsent(caFile.toAbsolutePath(), GcpHttpTransports::trusting);
    }

    private static HttpTransportFactory trusting(Path caFile) {
        try (InputStream pem = Files.newInputStream(caFile)) {
            return new Factory(new NetHttpTransport.Builder().trustCertificatesFromStream(pem).build());
        } catch (IOException | GeneralSecurityException e) {
            throw new FedcredException("Cannot read the CA certificates in " + caFile + " (" + e.getMessage() + ")."
                    + " For the sandbox, start it once (`fedcred sandbox`) so it writes its CA; otherwise point the"
                    + " target at a PEM file of CA certificates.", e);
        }
    }

    private record Factory(HttpTransport transport) implements HttpTransportFactory {
        @Override
        public HttpTransport create() {
            return transport;
        }
    }
}
