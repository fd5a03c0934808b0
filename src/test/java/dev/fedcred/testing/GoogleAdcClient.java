package dev.fedcred.testing;

import com.google.auth.oauth2.AccessToken;
import com.google.auth.oauth2.GoogleCredentials;
import com.google.api.client.http.javanet.NetHttpTransport;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.util.List;

/**
 * Google's Java auth library as applications use it, in its own JVM with its own environment
 * (Google's libraries run an executable source only with GOOGLE_EXTERNAL_ACCOUNT_ALLOW_EXECUTABLES=1,
 * read from the real environment): for each line on stdin it loads the ADC file of
 * GOOGLE_APPLICATION_CREDENTIALS, as an application starting up does, gets an access token and prints
 * {@code TOKEN <token>} or {@code ERROR <messages of the cause chain>}. (One credentials object kept
 * across asks would reuse the federated token it holds for an hour and never ask for a new ID token.)
 * Its transport is the library's own NetHttpTransport, trusting the sandbox's CA.
 *
 * <p>Usage: {@code GoogleAdcClient CA_PEM} (the sandbox's CA, which the transport trusts).
 */
public final class GoogleAdcClient {
    private GoogleAdcClient() {
    }

    public static void main(String[] args) throws Exception {
        NetHttpTransport transport = new NetHttpTransport.Builder().trustCertificates(trusting(Path.of(args[0]))).build();
        BufferedReader stdin = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        while (stdin.readLine() != null) {
            try (InputStream in = Files.newInputStream(Path.of(System.getenv("GOOGLE_APPLICATION_CREDENTIALS")))) {
                AccessToken token = GoogleCredentials.fromStream(in, () -> transport)
                        .createScoped(List.of("https://www.googleapis.com/auth/cloud-platform")).refreshAccessToken();
                System.out.println("TOKEN " + token.getTokenValue());
            } catch (IOException | RuntimeException e) {
                StringBuilder messages = new StringBuilder();
                for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                    messages.append(cause.getClass().getSimpleName()).append(": ").append(cause.getMessage()).append(" / ");
                }
                System.out.println("ERROR " + messages.toString().replace('\n', ' '));
            }
            System.out.flush();
        }
    }

    private static KeyStore trusting(Path caPem) throws Exception {
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        store.load(null, null);
        try (InputStream in = Files.newInputStream(caPem)) {
            store.setCertificateEntry("sandbox-ca", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        return store;
    }
}
