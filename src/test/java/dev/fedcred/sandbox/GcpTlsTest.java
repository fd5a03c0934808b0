package dev.fedcred.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fedcred.testing.BindProbe;
import dev.fedcred.testing.SandboxCaTrust;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The GCP emulator's HTTPS listener: where it binds, the certificate it presents, and where the CA lives. */
class GcpTlsTest {

    @TempDir
    Path dir;

    private static int gcpPort(SandboxServer server) {
        return URI.create(server.endpoints().get("gcp-sts")).getPort();
    }

    @Test
    void theCaPersistsAcrossRunsWithTheSameDataDirectory() throws Exception {
        Path dataDir = dir.resolve("data");
        byte[] first;
        try (SandboxServer server = SandboxServer.start(SandboxOptions.defaults().withPort(0).withDataDir(dataDir))) {
            first = Files.readAllBytes(server.gcpCaFile());
            assertThat(server.gcpCaFile()).isEqualTo(dataDir.resolve("gcp-ca.pem").toAbsolutePath());
            assertThat(server.endpoints().get("gcp-ca")).isEqualTo(server.gcpCaFile().toString());
        }
        try (SandboxServer again = SandboxServer.start(SandboxOptions.defaults().withPort(0).withDataDir(dataDir))) {
            assertThat(Files.readAllBytes(again.gcpCaFile())).isEqualTo(first);
            // A client that trusted the first run's CA file trusts this run's server.
            assertThat(GcpTestSupport.whoami(again, null).statusCode()).isEqualTo(401);
        }
    }

    @Test
    void aCaFileThatNoLongerMatchesTheKeystoreIsReplaced() throws Exception {
        Path dataDir = dir.resolve("data");
        try (SandboxServer server = SandboxServer.start(SandboxOptions.defaults().withPort(0).withDataDir(dataDir))) {
            Files.writeString(server.gcpCaFile(), "not a certificate");
        }
        try (SandboxServer server = SandboxServer.start(SandboxOptions.defaults().withPort(0).withDataDir(dataDir))) {
            assertThat(SandboxCaTrust.readCertificate(server.gcpCaFile()).getBasicConstraints()).isZero();
            assertThat(GcpTestSupport.whoami(server, null).statusCode()).isEqualTo(401);
        }
    }

    @Test
    void theDataDirectoryIsCreatedOwnerOnlyAndItsFilesAreOwnerOnly() throws Exception {
        Path dataDir = dir.resolve("fresh").resolve("data");
        try (SandboxServer server = SandboxServer.start(SandboxOptions.defaults().withPort(0).withDataDir(dataDir))) {
            if (!SandboxTls.isPosix()) {
                return;
            }
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir))).isEqualTo("rwx------");
            try (var files = Files.list(dataDir)) {
                assertThat(files.map(p -> p.getFileName().toString()).toList())
                        .containsExactlyInAnyOrder("gcp-ca.pem", "gcp-tls.p12");
            }
            for (String name : List.of("gcp-ca.pem", "gcp-tls.p12")) {
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir.resolve(name))))
                        .as(name).isEqualTo("rw-------");
            }
        }
    }

    @Test
    void withoutADataDirectoryEachRunHasItsOwnTemporaryOneRemovedOnClose() throws Exception {
        Path caFile;
        try (SandboxServer server = SandboxServer.start(SandboxOptions.defaults().withPort(0))) {
            caFile = server.gcpCaFile();
            assertThat(caFile).exists();
        }
        assertThat(caFile.getParent()).doesNotExist();
    }

    @Test
    void theHttpsListenerIsBoundTo127001Only() throws Exception {
        try (SandboxServer server = SandboxServer.start(SandboxOptions.defaults().withPort(0).withDataDir(dir))) {
            BindProbe.assertOnly127001(gcpPort(server));
        }
    }

    @Test
    void aFixedGcpPortIsUsedAndMustDifferFromTheHttpPort() throws Exception {
        int free;
        try (java.net.ServerSocket probe = new java.net.ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            free = probe.getLocalPort();
        }
        try (SandboxServer server = SandboxServer.start(SandboxOptions.defaults().withPort(0).withGcpPort(free)
                .withDataDir(dir))) {
            assertThat(server.endpoints().get("gcp-sts")).isEqualTo("https://127.0.0.1:" + free + "/v1/token");
        }
        assertThatThrownBy(() -> SandboxOptions.defaults().withPort(free).withGcpPort(free))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theServerCertificateNames127001AndLocalhostAndChainsToTheCa() throws Exception {
        try (SandboxServer server = SandboxServer.start(SandboxOptions.defaults().withPort(0).withDataDir(dir))) {
            X509Certificate ca = SandboxCaTrust.readCertificate(server.gcpCaFile());
            SSLContext tls = trustingOnly(server);
            X509Certificate presented;
            try (SSLSocket socket = (SSLSocket) tls.getSocketFactory()
                    .createSocket(InetAddress.getByName("127.0.0.1"), gcpPort(server))) {
                socket.startHandshake();
                presented = (X509Certificate) socket.getSession().getPeerCertificates()[0];
            }
            assertThat(presented.getSubjectAlternativeNames())
                    .contains(List.of(7, "127.0.0.1"), List.of(2, "localhost"));
            assertThat(presented.getBasicConstraints()).isEqualTo(-1);
            assertThat(presented.getExtendedKeyUsage()).contains("1.3.6.1.5.5.7.3.1");
            presented.verify(ca.getPublicKey());
            assertThat(presented.getIssuerX500Principal()).isEqualTo(ca.getSubjectX500Principal());

            // The CA is a CA (BasicConstraints CA:true, pathLen 0) and signs itself.
            assertThat(ca.getBasicConstraints()).isZero();
            assertThat(ca.getKeyUsage()[5]).as("keyCertSign").isTrue();
            ca.verify(ca.getPublicKey());
        }
    }

    @Test
    void bothLoopbackNamesPassHostnameVerificationButAClientThatTrustsNothingExtraIsRefused() throws Exception {
        try (SandboxServer server = SandboxServer.start(SandboxOptions.defaults().withPort(0).withDataDir(dir))) {
            HttpClient trusting = GcpTestSupport.httpClientTrusting(server);
            for (String host : List.of("127.0.0.1", "localhost")) {
                HttpResponse<String> response = trusting.send(HttpRequest.newBuilder(
                        URI.create("https://" + host + ":" + gcpPort(server) + "/v1/whoami")).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(response.statusCode()).as(host).isEqualTo(401);
            }

            HttpClient defaultTrust = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            assertThatThrownBy(() -> defaultTrust.send(HttpRequest.newBuilder(
                    URI.create(server.endpoints().get("gcp-whoami"))).GET().build(), HttpResponse.BodyHandlers.ofString()))
                    .isInstanceOf(SSLHandshakeException.class);
        }
    }

    private static SSLContext trustingOnly(SandboxServer server) throws Exception {
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(SandboxCaTrust.trustStore(server.gcpCaFile()));
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(null, tmf.getTrustManagers(), null);
        return tls;
    }
}
