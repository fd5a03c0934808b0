package dev.fedcred.core.aws.profiles;

import dev.fedcred.core.files.FileUpdateLock;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * A separate fedcred process for {@link AwsProfileWriterProcessTest} (not a test itself). Modes:
 * <ul>
 *   <li>{@code loop FILE TOKEN_CHARS}: writes versions 0, 1, 2, ... of profile "crash-test" until killed,
 *       printing "wrote N" after each;</li>
 *   <li>{@code repeat FILE PROFILE TIMES}: after a line on stdin, writes PROFILE TIMES times, then exits;</li>
 *   <li>{@code hold FILE}: holds the lock on FILE until a line arrives on stdin.</li>
 * </ul>
 * Each prints "ready" once it is about to start.
 */
public final class ProfileWriterChild {
    static final String CRASH_PROFILE = "crash-test";

    private ProfileWriterChild() {
    }

    /** Version {@code n} of a profile's credentials: fakes whose key id carries the version number. */
    static AwsCredentials version(int n, int tokenChars) {
        String number = String.format("%08d", n);
        StringBuilder token = new StringBuilder("FwoGZXIvYXdzEFAKE").append(number);
        while (token.length() < tokenChars) {
            token.append("FAKESESSIONTOKEN/+=").append(number);
        }
        return new AwsCredentials("ASIAFAKE" + number, "fakeSecretKeyEXAMPLE" + number, token.toString(),
                Instant.parse("2026-11-29T21:00:00Z").plusSeconds(n));
    }

    static int versionOf(String accessKeyId) {
        return Integer.parseInt(accessKeyId.substring("ASIAFAKE".length()));
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[1]);
        AwsProfileWriter writer = new AwsProfileWriter(new AwsFileLocations(file, file.resolveSibling("config")),
                Clock.systemUTC(), Duration.ofSeconds(20));
        BufferedReader stdin = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        switch (args[0]) {
            case "loop" -> {
                int tokenChars = Integer.parseInt(args[2]);
                ready();
                for (int n = 0; ; n++) {
                    writer.writeCredentials(CRASH_PROFILE, "crash-target", version(n, tokenChars), false);
                    System.out.println("wrote " + n);
                }
            }
            case "repeat" -> {
                int times = Integer.parseInt(args[3]);
                ready();
                stdin.readLine();
                for (int n = 0; n < times; n++) {
                    writer.writeCredentials(args[2], "target-" + args[2], version(n, 64), false);
                }
            }
            case "hold" -> {
                try (FileUpdateLock lock = FileUpdateLock.acquire(file.toAbsolutePath(), Duration.ofSeconds(5))) {
                    ready();
                    stdin.readLine();
                }
            }
            default -> throw new IllegalArgumentException(args[0]);
        }
    }

    private static void ready() {
        System.out.println("ready");
        System.out.flush();
    }
}
