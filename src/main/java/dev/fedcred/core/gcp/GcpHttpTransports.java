package dev.fedcred.core.gcp;

import com.google.api.client.util.SecurityUtils;
import com.google.api.client.util.SslUtils;
import com.google.auth.http.HttpTransportFactory;
import dev.fedcred.core.FedcredException;
import dev.fedcred.core.net.Deadline;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;

/**
 * The HTTP transports Google's auth library uses: the JDK's trust store, or only the CAs of a PEM
 * file when a target names one (the sandbox's own CA), the TLS set-up kept per file. Each exchange
 * gets its own transport, so that its requests (STS, IAM Credentials, any retry) share one deadline;
 * every reply is read within a size limit ({@link BoundedHttpTransport}).
 */
public final class GcpHttpTransports {
    private final Duration deadline;
    private final Map<Path, SSLSocketFactory> byCaFile = new ConcurrentHashMap<>();

    public GcpHttpTransports() {
        this(Deadline.INTERACTIVE);
    }

    /** @param deadline how long one exchange may take in all */
    public GcpHttpTransports(Duration deadline) {
        this.deadline = deadline;
    }

    public Duration deadline() {
        return deadline;
    }

    /** A transport for one exchange starting now, trusting {@code caFile}'s CAs, or the JDK's when null. */
    public HttpTransportFactory forExchange(Path caFile) {
        SSLSocketFactory tls = caFile == null ? null : byCaFile.computeIfAbsent(caFile.toAbsolutePath(), GcpHttpTransports::trusting);
        BoundedHttpTransport transport = new BoundedHttpTransport(tls, Deadline.in(deadline));
        return () -> transport;
    }

    private static SSLSocketFactory trusting(Path caFile) {
        try (InputStream pem = Files.newInputStream(caFile)) {
            KeyStore trust = SecurityUtils.getDefaultKeyStore();
            trust.load(null, null);
            SecurityUtils.loadKeyStoreFromCertificates(trust, SecurityUtils.getX509CertificateFactory(), pem);
            SSLContext context = SslUtils.getTlsSslContext();
            SslUtils.initSslContext(context, trust, SslUtils.getPkixTrustManagerFactory());
            return context.getSocketFactory();
        } catch (IOException | GeneralSecurityException e) {
            throw new FedcredException("Cannot read the CA certificates in " + caFile + " (" + e.getMessage() + ")."
                    + " For the sandbox, start it once (`fedcred sandbox`) so it writes its CA; otherwise point the"
                    + " target at a PEM file of CA certificates.", e);
        }
    }
}
