package dev.fedcred.testing;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

/**
 * Proves a listener is bound to 127.0.0.1 alone, not to every interface, using only loopback
 * traffic: a wildcard bind would also answer on 127.0.0.2 (Linux routes all of 127.0.0.0/8 to
 * the loopback device) and on the IPv6 loopback; a 127.0.0.1-only bind refuses both.
 */
public final class BindProbe {
    private BindProbe() {
    }

    public static void assertOnly127001(int port) throws IOException {
        int probed = 0;
        for (String other : new String[] {"127.0.0.2", "::1"}) {
            InetAddress address = InetAddress.getByName(other);
            if (!canListenOn(address)) {
                continue;
            }
            probed++;
            try (Socket socket = new Socket()) {
                assertThatThrownBy(() -> socket.connect(new InetSocketAddress(address, port), 2000))
                        .as("port %d must not answer on %s", port, other)
                        .isInstanceOf(IOException.class);
            }
        }
        if (probed == 0) {
            throw new AssertionError("neither 127.0.0.2 nor ::1 is usable here, so a wildcard bind cannot be ruled out");
        }
    }

    private static boolean canListenOn(InetAddress address) {
        try (ServerSocket probe = new ServerSocket(0, 1, address)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
