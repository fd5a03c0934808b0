package dev.fedcred.testing;

import java.io.InputStream;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Clients of the sandbox's HTTPS (GCP) listener as a user would set them up: trusting only the
 * sandbox's CA file (never "trust all"), so a test also proves the certificate is right for 127.0.0.1.
 */
public final class SandboxCaTrust {
    private SandboxCaTrust() {
    }

    /** A key store holding just the sandbox CA, read from the PEM file the sandbox reports. */
    public static KeyStore trustStore(Path caFile) throws Exception {
        KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
        trust.load(null, null);
        trust.setCertificateEntry("fedcred-sandbox-ca", readCertificate(caFile));
        return trust;
    }

    public static X509Certificate readCertificate(Path pem) throws Exception {
        try (InputStream in = Files.newInputStream(pem)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
    }

    /** java.net.http trusting only the sandbox CA. */
    public static HttpClient httpClient(Path caFile) throws Exception {
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trustStore(caFile));
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(null, tmf.getTrustManagers(), null);
        return HttpClient.newBuilder().sslContext(tls).connectTimeout(Duration.ofSeconds(5)).build();
    }
}
