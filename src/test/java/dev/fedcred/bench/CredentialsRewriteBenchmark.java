package dev.fedcred.bench;

import dev.fedcred.core.aws.profiles.AwsCredentials;
import dev.fedcred.core.aws.profiles.AwsFileLocations;
import dev.fedcred.core.aws.profiles.AwsProfileWriter;
import dev.fedcred.core.files.SecureFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Time to rewrite one fedcred-managed profile in credentials files of 10, 1,000 and 10,000
 * profiles: lock, read, parse, edit, back up (first time only), temp file + fsync + rename. The
 * plain atomic write of the same bytes is timed too, to show how much is the disk. Run with
 * bench/credentials-rewrite; not a test.
 */
public final class CredentialsRewriteBenchmark {
    private static final int[] PROFILE_COUNTS = {10, 1_000, 10_000};

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 21;
        int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        Path dir = Files.createTempDirectory("fedcred-rewrite-bench");
        try {
            System.out.printf("rewrite of one managed profile (median of %d runs after %d warm-up runs, dir %s)%n",
                    runs, warmup, dir);
            for (int profiles : PROFILE_COUNTS) {
                measure(dir.resolve("n" + profiles), profiles, runs, warmup);
            }
        } finally {
            deleteTree(dir);
        }
    }

    private static void measure(Path dir, int profiles, int runs, int warmup) throws IOException {
        Files.createDirectories(dir);
        Path credentials = dir.resolve("credentials");
        Files.writeString(credentials, otherProfiles(profiles));
        AwsProfileWriter writer = new AwsProfileWriter(new AwsFileLocations(credentials, dir.resolve("config")),
                Clock.systemUTC());
        // the managed profile sits in the middle of the file, as after other tools appended theirs
        writer.writeCredentials("fedcred-bench", "bench", credentials(0), false);
        Files.writeString(credentials, Files.readString(credentials) + otherProfiles(profiles).replace("[user-", "[more-"));

        List<Double> rewrite = new ArrayList<>();
        for (int i = 0; i < warmup + runs; i++) {
            long start = System.nanoTime();
            writer.writeCredentials("fedcred-bench", "bench", credentials(i + 1), false);
            if (i >= warmup) {
                rewrite.add((System.nanoTime() - start) / 1e6);
            }
        }
        byte[] content = Files.readAllBytes(credentials);
        List<Double> plainWrite = new ArrayList<>();
        for (int i = 0; i < warmup + runs; i++) {
            long start = System.nanoTime();
            SecureFiles.writeAtomically(dir.resolve("plain"), content);
            if (i >= warmup) {
                plainWrite.add((System.nanoTime() - start) / 1e6);
            }
        }
        System.out.printf("  %,6d profiles (%,9d bytes): rewrite median %7.2f ms  min %7.2f  max %7.2f"
                        + " | plain atomic write of the same bytes median %6.2f ms%n",
                profiles + 1, content.length, median(rewrite), Collections.min(rewrite), Collections.max(rewrite),
                median(plainWrite));
    }

    /** Half of {@code count} ordinary profiles with fake keys: the file holds two such halves around fedcred's. */
    private static String otherProfiles(int count) {
        StringBuilder file = new StringBuilder();
        for (int i = 0; i < count / 2; i++) {
            file.append("[user-").append(i).append("]\n")
                    .append("aws_access_key_id = AKIAIOSFODNN").append(String.format("%08d", i)).append('\n')
                    .append("aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYFAKEKEY").append(i).append("\n\n");
        }
        return file.toString();
    }

    private static AwsCredentials credentials(int n) {
        return new AwsCredentials("ASIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYFAKEKEY" + n,
                "FwoGZXIvYXdzEFAKESESSIONTOKEN".repeat(30) + n, Instant.parse("2026-11-29T21:00:00Z").plusSeconds(n));
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
