package dev.fedcred.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * fedcred's {@code Main} in a fresh JVM on the test class path, as a user's shell or the AWS CLI
 * starts it, with the JVM's class-loading log in a file: what a cold process loads is only
 * visible from outside.
 */
public final class ChildJvm {
    private final int exitCode;
    private final String out;
    private final String err;
    private final List<LoadedClass> loadedClasses;

    /** A class the JVM loaded, and when: {@code nanos} on {@link System#nanoTime()}'s clock. */
    public record LoadedClass(long nanos, String name) {
    }

    private ChildJvm(int exitCode, String out, String err, List<LoadedClass> loadedClasses) {
        this.exitCode = exitCode;
        this.out = out;
        this.err = err;
        this.loadedClasses = loadedClasses;
    }

    /** Runs {@code dev.fedcred.Main args} with only {@code env} (and PATH) as its environment. */
    public static ChildJvm runMain(Path workDir, Map<String, String> env, String... args)
            throws IOException, InterruptedException {
        return runMain(workDir, env, List.of(), args);
    }

    /** The same with extra JVM options, e.g. the headless JavaFX platform for the desktop app. */
    public static ChildJvm runMain(Path workDir, Map<String, String> env, List<String> jvmOptions, String... args)
            throws IOException, InterruptedException {
        return run(workDir, env, jvmOptions, "dev.fedcred.Main", args);
    }

    /** Runs another main class of the test class path the same way, e.g. the class-data training. */
    public static ChildJvm run(Path workDir, Map<String, String> env, List<String> jvmOptions, String mainClass,
            String... args) throws IOException, InterruptedException {
        Path classLog = workDir.resolve("class-load-" + System.nanoTime() + ".log");
        Path outFile = workDir.resolve("out-" + System.nanoTime() + ".txt");
        Path errFile = workDir.resolve("err-" + System.nanoTime() + ".txt");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xlog:class+load=info:file=" + classLog + ":timenanos,level,tags", "-Djava.awt.headless=true"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), mainClass));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(outFile.toFile()).redirectError(errFile.toFile());
        builder.environment().clear();
        builder.environment().put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        builder.environment().putAll(env);
        Process process = builder.start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(mainClass + " " + String.join(" ", args) + " did not finish in 60 s");
        }
        List<LoadedClass> classes = Files.readAllLines(classLog, StandardCharsets.UTF_8).stream()
                .filter(line -> line.contains("[class,load]"))
                .map(line -> new LoadedClass(Long.parseLong(line.replaceFirst("^\\[(\\d+)ns\\].*$", "$1")),
                        line.replaceFirst("^.*\\[class,load\\] (\\S+).*$", "$1")))
                .toList();
        return new ChildJvm(process.exitValue(), Files.readString(outFile, StandardCharsets.UTF_8),
                Files.readString(errFile, StandardCharsets.UTF_8), classes);
    }

    public int exitCode() {
        return exitCode;
    }

    public String out() {
        return out;
    }

    public String err() {
        return err;
    }

    /** Binary names of every class the JVM loaded, in order. */
    public List<String> loadedClasses() {
        return loadedClasses.stream().map(LoadedClass::name).toList();
    }

    /** Every class the JVM loaded, with the time it did, in order. */
    public List<LoadedClass> loadedClassesTimed() {
        return loadedClasses;
    }

    /** The loaded classes whose names start with one of {@code prefixes}. */
    public List<String> loadedFrom(String... prefixes) {
        return loadedClasses().stream().filter(name -> List.of(prefixes).stream().anyMatch(name::startsWith)).toList();
    }
}
