package dev.fedcred.core.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the command-line keychains hand their tools, checked with stand-in scripts that record
 * their arguments, environment and input: the secret only ever travels on standard input, and
 * the tools' answers (found, not found, failed, silent) mean what they should.
 */
@DisabledOnOs(OS.WINDOWS)
class SecretCommandLineTest {
    private static final String SECRET = "rt-0123456789abcdef_\"quoted\" $HOME";
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    @TempDir
    Path dir;

    /** A stand-in tool (its PATH may hold nothing else, hence absolute paths): records argv, environment and stdin, prints {@code out}, says {@code err}, exits {@code code}. */
    private Path tool(String name, String out, String err, int code) throws Exception {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path script = bin.resolve(name);
        Files.writeString(script, "#!/bin/sh\n"
                + "printf '%s\\n' \"$@\" > '" + dir.resolve("args") + "'\n"
                + "/usr/bin/env > '" + dir.resolve("env") + "'\n"
                + "/bin/cat > '" + dir.resolve("stdin") + "'\n"
                + "printf '%s' '" + out + "'\n"
                + (err.isEmpty() ? "" : "echo '" + err + "' >&2\n")
                + "exit " + code + "\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        return script;
    }

    private String recorded(String what) throws Exception {
        return Files.readString(dir.resolve(what), StandardCharsets.UTF_8);
    }

    private SecretServiceStore secretService() {
        return new SecretServiceStore(Map.of("PATH", dir.resolve("bin").toString()), TIMEOUT);
    }

    @Test
    void secretToolGetsTheSecretOnStdinAndOnlyTheAttributesAsArguments() throws Exception {
        tool("secret-tool", "", "", 0);
        secretService().put("work", SECRET);

        assertThat(recorded("stdin")).isEqualTo(SECRET);
        assertThat(recorded("args")).isEqualTo("store\n--label=fedcred refresh token (work)\napplication\nfedcred\nissuer\nwork\n");
        assertThat(recorded("env")).doesNotContain("rt-0123456789abcdef");
    }

    @Test
    void secretToolsAnswersMeanFoundNotFoundOrUnavailable() throws Exception {
        tool("secret-tool", SECRET, "", 0);
        assertThat(secretService().get("work")).contains(SECRET);
        assertThat(recorded("args")).isEqualTo("lookup\napplication\nfedcred\nissuer\nwork\n");

        tool("secret-tool", "", "", 1);
        assertThat(secretService().get("work")).isEmpty();
        secretService().delete("work");

        tool("secret-tool", "", "secret-tool: Cannot autolaunch D-Bus without X11 $DISPLAY", 1);
        assertThatThrownBy(() -> secretService().get("work")).isInstanceOf(KeychainUnavailableException.class)
                .hasMessageContaining("Cannot autolaunch D-Bus").hasMessageContaining("unlocked");
        assertThatThrownBy(() -> secretService().probe()).isInstanceOf(KeychainUnavailableException.class);
    }

    @Test
    void aKeychainThatNeverAnswersTimesOut() throws Exception {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path script = bin.resolve("secret-tool");
        Files.writeString(script, "#!/bin/sh\nexec /bin/sleep 30\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        SecretServiceStore slow = new SecretServiceStore(Map.of("PATH", bin.toString()), Duration.ofMillis(300));

        assertThatThrownBy(() -> slow.put("work", SECRET)).isInstanceOf(KeychainUnavailableException.class)
                .hasMessageContaining("did not answer within").hasMessageNotContaining(SECRET);
    }

    @Test
    void securityGetsTheAddCommandOnStdinWithTheSecretInHex() throws Exception {
        Path security = tool("security", "", "", 0);
        MacKeychainStore keychain = new MacKeychainStore(security.toString(), Map.of(), TIMEOUT);

        keychain.put("work", SECRET);

        assertThat(recorded("args")).isEqualTo("-i\n");
        String hex = HexFormat.of().formatHex(SECRET.getBytes(StandardCharsets.UTF_8));
        assertThat(recorded("stdin")).isEqualTo("add-generic-password -U -s fedcred -a \"work\" -X " + hex + "\n");
        assertThat(recorded("env")).doesNotContain("rt-0123456789abcdef").doesNotContain(hex);
    }

    @Test
    void securitysNotFoundIsNoSecretAndAFailedAddKeepsItsOutputOutOfTheMessage() throws Exception {
        Path security = tool("security", "", "security: SecKeychainSearchCopyNext: The specified item could not be found", 44);
        MacKeychainStore keychain = new MacKeychainStore(security.toString(), Map.of(), TIMEOUT);
        assertThat(keychain.get("work")).isEmpty();
        assertThat(recorded("args")).isEqualTo("find-generic-password\n-s\nfedcred\n-a\nwork\n-w\n");
        keychain.delete("work");

        tool("security", "", "add-generic-password -X 72742d30", 0);
        assertThatThrownBy(() -> keychain.put("work", SECRET)).isInstanceOf(KeychainUnavailableException.class)
                .hasMessageNotContaining("72742d30").hasMessageContaining("Unlock your login keychain");
    }

    @Test
    void withoutSecretToolOnThePathTheMessageSaysHowToInstallIt() {
        SecretServiceStore none = new SecretServiceStore(Map.of("PATH", dir.toString()), TIMEOUT);
        assertThatThrownBy(none::probe).isInstanceOf(KeychainUnavailableException.class)
                .hasMessageContaining("secret-tool is not installed").hasMessageContaining("apt install libsecret-tools");
    }
}
