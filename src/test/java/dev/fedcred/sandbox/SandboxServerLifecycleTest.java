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
        server.close();

        try (ServerSocket rebind = new ServerSocket()) {
            rebind.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port));
            assertThat(rebind.isBound()).isTrue();
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

        assertThatThrownBy(() -> defaults.withPort(70_000)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> defaults.withIdTokenLifetime(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }
}
