package dev.fedcred.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * fedcred's Linux keychain against a real Secret Service (GNOME Keyring on a private D-Bus, read
 * and written with libsecret's secret-tool): the refresh token survives a restart there and
 * never touches the token file, turning the setting off brings it back, sign-out deletes it, and
 * a keyring that goes away is said once on stderr.
 */
class KeychainInteropIT {
    private static final String[] ITEM = {"application", "fedcred", "issuer", "sandbox"};

    @TempDir
    Path dir;

    private PrivateKeyring keyring;
    private InteropHome home;

    @BeforeEach
    void start() throws Exception {
        keyring = new PrivateKeyring(dir.resolve("keyring"));
        home = new InteropHome(dir, keyring.env());
    }

    @AfterEach
    void stop() throws Exception {
        if (home != null) {
            home.close();
        }
        keyring.close();
    }

    private Path tokenFile() {
        return dir.resolve("fedcred/state/tokens.json");
    }

    private String keyringItem() throws Exception {
        String[] lookup = new String[ITEM.length + 1];
        lookup[0] = "lookup";
        System.arraycopy(ITEM, 0, lookup, 1, ITEM.length);
        PeerProgram.Result found = keyring.secretTool(lookup);
        return found.exitCode() == 0 ? found.out() : null;
    }

    private PeerProgram.Result fedcred(String... args) throws Exception {
        PeerProgram.Result result = home.fedcred(args);
        assertThat(result.exitCode()).as(String.join(" ", args) + "\n" + result.err()).isZero();
        return result;
    }

    @Test
    void theRefreshTokenLivesInTheKeyringAcrossRestartsAndComesBackWhenTurnedOff() throws Exception {
        PeerProgram.Result on = fedcred("keychain", "on");
        assertThat(on.out()).contains("Keychain setting: on").contains("Secret Service keyring (answers)");

        home.signIn();
        String refreshToken = keyringItem();
        assertThat(refreshToken).as("the keyring holds the refresh token").isNotBlank();
        assertThat(Files.readString(tokenFile())).doesNotContain(refreshToken).contains("\"refresh_token_in\" : \"keychain\"");

        // a new process renews through the refresh token it reads from the keyring
        PeerProgram.Result refresh = fedcred("refresh");
        assertThat(refresh.out()).contains("Signed in to sandbox (sandbox)");
        assertThat(refresh.err()).isEmpty();
        String current = keyringItem();
        assertThat(Files.readString(tokenFile())).doesNotContain(current);
        assertThat(fedcred("keychain", "status").out()).contains("Refresh tokens are kept in the Secret Service keyring");

        PeerProgram.Result off = fedcred("keychain", "off");
        assertThat(off.out()).contains("Keychain setting: off").contains("kept in the token file");
        assertThat(Files.readString(tokenFile())).contains("\"refresh_token\" : \"" + current + "\"");
        assertThat(keyringItem()).as("moved out of the keyring").isNull();
        assertThat(fedcred("refresh").out()).contains("Signed in to sandbox (sandbox)");
    }

    @Test
    void signingOutDeletesTheRefreshTokenFromTheKeyring() throws Exception {
        fedcred("keychain", "on");
        home.signIn();
        assertThat(keyringItem()).isNotBlank();

        assertThat(fedcred("logout").out()).contains("Signed out of sandbox (sandbox).");
        assertThat(keyringItem()).isNull();
    }

    @Test
    void aKeyringThatGoesAwayIsSaidOnceAndRenewalThenNeedsTheBrowser() throws Exception {
        fedcred("keychain", "on");
        home.signIn();
        keyring.stopKeyring();

        PeerProgram.Result refresh = home.fedcred("refresh");
        assertThat(refresh.exitCode()).isNotZero();
        assertThat(refresh.err().lines().filter(line -> line.startsWith("fedcred: The Secret Service keyring")).count())
                .as(refresh.err()).isEqualTo(1);
        assertThat(refresh.err()).contains("needs a browser sign-in");

        PeerProgram.Result status = fedcred("keychain", "status");
        assertThat(status.out()).contains("Keychain setting: on").contains("Secret Service keyring (does not answer)");
    }
}
