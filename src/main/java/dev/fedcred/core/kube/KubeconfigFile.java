package dev.fedcred.core.kube;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.fedcred.core.FedcredException;
import dev.fedcred.core.files.BackedUpFiles;
import dev.fedcred.core.files.BoundedFiles;
import dev.fedcred.core.files.FileSizeLimit;
import dev.fedcred.core.files.FileUpdateLock;
import dev.fedcred.core.files.SecureFiles;
import dev.fedcred.core.targets.NotWrittenByFedcredException;
import dev.fedcred.core.text.OutsideText;
import java.io.File;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * fedcred's entries in a kubeconfig file: a user whose exec plugin runs {@code fedcred kube
 * credential NAME}, a cluster and a context. Every other cluster, user and context, the current
 * context and any other key stay as they were. fedcred's user carries an ownership marker (a
 * {@code fedcred} entry in the user's {@code extensions}, the field kubeconfig keeps for tools);
 * a user of the same name without it is replaced only with force. Writes are atomic, under the
 * file's lock, after a one-time backup ({@link BackedUpFiles}). The YAML library is loaded only
 * here, never on {@code kube credential}'s path.
 */
public final class KubeconfigFile {
    public static final String EXEC_API_VERSION = "client.authentication.k8s.io/v1";
    static final String MARKER = "fedcred";
    /** In a holder, so that making a KubeconfigFile (every context does) loads no YAML library. */
    private static final class Yaml {
        static final YAMLMapper MAPPER = YAMLMapper.builder(YAMLFactory.builder()
                        .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                        .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                        .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
                        .build())
                .build();
    }

    private final Path file;

    public KubeconfigFile(Path file) {
        this.file = file;
    }

    /** The file kubectl writes to: the first of KUBECONFIG's list, else ~/.kube/config. */
    public static KubeconfigFile fromEnvironment(Map<String, String> env, Path home) {
        String list = env.get("KUBECONFIG");
        if (list != null) {
            for (String entry : list.split(File.pathSeparator)) {
                if (!entry.isBlank()) {
                    return new KubeconfigFile(Path.of(entry.strip()));
                }
            }
        }
        return new KubeconfigFile(home.resolve(".kube").resolve("config"));
    }

    public Path path() {
        return file;
    }

    /** What fedcred puts in: the names and the exec command's words. */
    public record Entries(String targetName, String user, String cluster, String server, Path certificateAuthority,
                          String context, List<String> command) {
    }

    /** The file with fedcred's entries merged in, as YAML; writes nothing. */
    public String merged(Entries entries, boolean force) {
        return toYaml(merge(read(), entries, force));
    }

    /** Merges fedcred's entries in and writes the file. */
    public void write(Entries entries, boolean force) {
        Path real = SecureFiles.resolveSymbolicLinks(file);
        SecureFiles.createPrivateDirectories(real.toAbsolutePath().getParent());
        try (FileUpdateLock lock = FileUpdateLock.acquire(real)) {
            SecureFiles.requireWritableByOwner(real);
            byte[] original = bytes(real);
            ObjectNode config = merge(parse(original), entries, force);
            byte[] updated = toYaml(config).getBytes(java.nio.charset.StandardCharsets.UTF_8);
            BackedUpFiles.replace(real, original, updated, () -> original.length > 0);
        }
    }

    /** Whether the file has a user of this name that fedcred wrote for the target. */
    public boolean hasFedcredUser(String user, String targetName) {
        try {
            return named(read(), "users", user).map(entry -> markedFor(entry, targetName)).orElse(false);
        } catch (FedcredException unreadable) {
            return false;
        }
    }

    /** Takes out fedcred's user for the target and the contexts that use it; true when there was one. */
    public boolean remove(String user, String targetName) {
        Path real = SecureFiles.resolveSymbolicLinks(file);
        if (!real.toFile().isFile()) {
            return false;
        }
        try (FileUpdateLock lock = FileUpdateLock.acquire(real)) {
            byte[] original = bytes(real);
            ObjectNode config = parse(original);
            if (!named(config, "users", user).map(entry -> markedFor(entry, targetName)).orElse(false)) {
                return false;
            }
            removeNamed(config, "users", user);
            ArrayNode contexts = list(config, "contexts");
            for (int i = contexts.size() - 1; i >= 0; i--) {
                if (user.equals(contexts.get(i).path("context").path("user").asText(null))) {
                    contexts.remove(i);
                }
            }
            BackedUpFiles.replace(real, original, toYaml(config).getBytes(java.nio.charset.StandardCharsets.UTF_8), () -> true);
            return true;
        }
    }

    private ObjectNode merge(ObjectNode config, Entries entries, boolean force) {
        config.putIfAbsent("apiVersion", JsonNodeFactory.instance.textNode("v1"));
        config.putIfAbsent("kind", JsonNodeFactory.instance.textNode("Config"));
        Optional<ObjectNode> existingUser = named(config, "users", entries.user());
        if (existingUser.isPresent() && !markedFor(existingUser.get(), entries.targetName()) && !force) {
            throw new NotWrittenByFedcredException("The kubeconfig " + file + " has a user "
                    + OutsideText.quoted(entries.user()) + " that fedcred did not write for " + entries.targetName()
                    + "; fedcred left it as it is. Add --force to replace it (fedcred keeps a backup of the file"
                    + " as " + BackedUpFiles.backupOf(file).getFileName() + ").", file);
        }
        ObjectNode cluster = JsonNodeFactory.instance.objectNode();
        cluster.put("server", entries.server());
        if (entries.certificateAuthority() != null) {
            cluster.put("certificate-authority", entries.certificateAuthority().toAbsolutePath().toString());
        }
        putNamed(config, "clusters", entries.cluster(), "cluster", cluster);

        ObjectNode exec = JsonNodeFactory.instance.objectNode();
        exec.put("apiVersion", EXEC_API_VERSION);
        exec.put("command", entries.command().get(0));
        ArrayNode args = exec.putArray("args");
        entries.command().subList(1, entries.command().size()).forEach(args::add);
        exec.put("interactiveMode", "IfAvailable");
        exec.put("provideClusterInfo", false);
        ObjectNode user = JsonNodeFactory.instance.objectNode();
        user.set("exec", exec);
        ObjectNode marker = user.putArray("extensions").addObject();
        marker.put("name", MARKER);
        marker.putObject("extension").put("target", entries.targetName());
        putNamed(config, "users", entries.user(), "user", user);

        ObjectNode context = JsonNodeFactory.instance.objectNode();
        context.put("cluster", entries.cluster());
        context.put("user", entries.user());
        putNamed(config, "contexts", entries.context(), "context", context);
        return config;
    }

    private static boolean markedFor(ObjectNode entry, String targetName) {
        for (JsonNode extension : entry.path("user").path("extensions")) {
            if (MARKER.equals(extension.path("name").asText(null))
                    && targetName.equals(extension.path("extension").path("target").asText(null))) {
                return true;
            }
        }
        return false;
    }

    private static void putNamed(ObjectNode config, String listKey, String name, String valueKey, ObjectNode value) {
        ArrayNode list = list(config, listKey);
        ObjectNode entry = JsonNodeFactory.instance.objectNode();
        entry.put("name", name);
        entry.set(valueKey, value);
        for (int i = 0; i < list.size(); i++) {
            if (name.equals(list.get(i).path("name").asText(null))) {
                list.set(i, entry);
                return;
            }
        }
        list.add(entry);
    }

    private static void removeNamed(ObjectNode config, String listKey, String name) {
        ArrayNode list = list(config, listKey);
        for (int i = list.size() - 1; i >= 0; i--) {
            if (name.equals(list.get(i).path("name").asText(null))) {
                list.remove(i);
            }
        }
    }

    private static Optional<ObjectNode> named(ObjectNode config, String listKey, String name) {
        for (JsonNode entry : config.path(listKey)) {
            if (entry instanceof ObjectNode object && name.equals(entry.path("name").asText(null))) {
                return Optional.of(object);
            }
        }
        return Optional.empty();
    }

    private static ArrayNode list(ObjectNode config, String key) {
        JsonNode value = config.get(key);
        if (value instanceof ArrayNode array) {
            return array;
        }
        return config.putArray(key); // absent or null (kubectl writes "users: null" for none)
    }

    private ObjectNode read() {
        return parse(bytes(SecureFiles.resolveSymbolicLinks(file)));
    }

    private ObjectNode parse(byte[] content) {
        if (content.length == 0) {
            return JsonNodeFactory.instance.objectNode();
        }
        try {
            JsonNode tree = Yaml.MAPPER.readTree(content);
            if (tree == null || tree.isMissingNode() || tree.isNull()) {
                return JsonNodeFactory.instance.objectNode();
            }
            if (!(tree instanceof ObjectNode object)) {
                throw new FedcredException("The kubeconfig " + file + " is not a YAML mapping; fix or move it, then try"
                        + " again. fedcred changed nothing.");
            }
            return object;
        } catch (IOException e) {
            String why = e instanceof com.fasterxml.jackson.core.JsonProcessingException parse ? parse.getOriginalMessage()
                    : e.getMessage();
            throw new FedcredException("Cannot read the kubeconfig " + file + " as YAML ("
                    + OutsideText.shown(String.valueOf(why))
                    + "); fix it (`kubectl config view` shows what kubectl makes of it), then try again. fedcred"
                    + " changed nothing.", e);
        }
    }

    private static byte[] bytes(Path real) {
        try {
            return BoundedFiles.read(real, FileSizeLimit.KUBECONFIG);
        } catch (NoSuchFileException e) {
            return new byte[0];
        } catch (IOException e) {
            throw new FedcredException("Cannot read " + real + ": " + e.getMessage() + ". Check that you can read it;"
                    + " fedcred changed nothing.", e);
        }
    }

    private static String toYaml(ObjectNode config) {
        try {
            return Yaml.MAPPER.writeValueAsString(config);
        } catch (IOException e) {
            throw new FedcredException("Cannot encode the kubeconfig.", e);
        }
    }
}
