package dev.fedcred.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import dev.fedcred.testing.BindProbe;
import org.junit.jupiter.api.Test;

class SandboxServerLifecycleTest {

    @Test
    void listensOnLoopbackOnly() throws Exception {
        try (SandboxServer server = SandboxServer.start(SandboxOptions.defaults().withPort(0))) {
            int port = server.issuerUri().getPort();
            try (Socket loopback = new Socket()) {
                loopback.connect(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port), 2000);
                assertThat(loopback.isConnected()).isTrue();
            }

            BindProbe.assertOnly127001(port);
        }
    }

    @Test
    void closeFreesThePort() throws Exception {
        SandboxServer server = SandboxServer.start(SandboxOptions.defaults().withPort(0));
        int port = server.issuerUri().getPort();
        int gcpPort = java.net.URI.create(server.endpoints().get("gcp-sts")).getPort();
        server.close();

        for (int freed : new int[] {port, gcpPort}) {
            try (ServerSocket rebind = new ServerSocket()) {
                rebind.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), freed));
                assertThat(rebind.isBound()).isTrue();
            }
        }
        // And a second close is harmless.
        server.close();
    }

    @Test
    void aFixedPortCanBeReusedAfterClose() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            port = probe.getLocalPort();
        }
        try (SandboxServer first = SandboxServer.start(SandboxOptions.defaults().withPort(port))) {
            assertThat(first.issuerUri().toString()).isEqualTo("http://127.0.0.1:" + port);
            assertThatThrownBy(() -> SandboxServer.start(SandboxOptions.defaults().withPort(port)))
                    .isInstanceOf(IOException.class);
        }
        try (SandboxServer second = SandboxServer.start(SandboxOptions.defaults().withPort(port))) {
            assertThat(second.issuerUri().getPort()).isEqualTo(port);
        }
    }

    @Test
    void optionsDefaultsAndWithers() {
        SandboxOptions defaults = SandboxOptions.defaults();
        assertThat(defaults.port()).isEqualTo(SandboxServer.DEFAULT_PORT).isEqualTo(9750);
        assertThat(defaults.autoApprove()).isFalse();
        assertThat(defaults.idTokenLifetime()).isEqualTo(Duration.ofHours(1));

        SandboxOptions changed = defaults.withPort(0).withAutoApprove(true).withIdTokenLifetime(Duration.ofMinutes(5));
        assertThat(changed).isEqualTo(new SandboxOptions(0, true, Duration.ofMinutes(5)));
        assertThat(defaults.port()).isEqualTo(9750);

        assertThat(defaults.dataDir()).isNull();
        assertThat(defaults.gcpPort()).isZero();
        assertThat(defaults.gcpProviders()).isEmpty();
        assertThat(defaults.gcpServiceAccounts()).isEmpty();
        java.nio.file.Path data = java.nio.file.Path.of("sandbox-data");
        SandboxOptions gcp = changed.withDataDir(data).withGcpPort(9751)
                .withGcpServiceAccounts(SandboxGcp.defaultServiceAccounts())
                .withGcpProviders(SandboxGcp.defaultProviders("http://127.0.0.1:9750"));
        assertThat(gcp.dataDir()).isEqualTo(data);
        assertThat(gcp.gcpPort()).isEqualTo(9751);
        assertThat(gcp.gcpProviders()).extracting(GcpProvider::resourceName).containsExactly(SandboxGcp.PROVIDER_AUDIENCE);
        assertThat(gcp.gcpServiceAccounts()).extracting(GcpServiceAccount::email)
                .containsExactly(SandboxGcp.SERVICE_ACCOUNT, SandboxGcp.DENIED_SERVICE_ACCOUNT);
        assertThat(gcp.withPort(1).port()).isEqualTo(1);
        assertThat(gcp.withPort(1).gcpPort()).isEqualTo(9751);

        assertThatThrownBy(() -> defaults.withGcpPort(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> defaults.withGcpProviders(java.util.List.of(
                new GcpProvider("000000000000", "pool", "provider", "https://accounts.google.com", java.util.List.of()))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new GcpServiceAccount("not-an-email", java.util.List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new GcpServiceAccount(SandboxGcp.SERVICE_ACCOUNT, java.util.List.of("user:someone@example.com")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> defaults.withPort(70_000)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> defaults.withIdTokenLifetime(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }
}
