package dev.fedcred.core.files;

/**
 * How much fedcred reads of each kind of local file before it refuses: a file far bigger than its
 * kind can be (a wrong path, a runaway writer, a hostile file) must end in a clear message, never in
 * an OutOfMemoryError under the installed app's small heap.
 */
public enum FileSizeLimit {
    SETTINGS("the settings file", 4 * Sizes.MIB),
    TOKEN_CACHE("the token cache", 8 * Sizes.MIB),
    CREDENTIAL_CACHE("a credential cache", 8 * Sizes.MIB),
    /** Generous: 20,000 profiles with session credentials (about 1 KB each) still fit. */
    AWS_FILE("an AWS credentials or config file", 32 * Sizes.MIB),
    ADC_FILE("an Application Default Credentials file", Sizes.MIB),
    /** IAM caps a trust policy at a few KB; a policy file far bigger is the wrong file. */
    TRUST_POLICY("a trust policy file", Sizes.MIB),
    /** Many clusters with inline CA data still fit. */
    KUBECONFIG("a kubeconfig file", 16 * Sizes.MIB),
    /** One line: the last Kubernetes token handed to kubectl (which target, which kubectl, when). */
    KUBE_HANDOUT("the record of the last Kubernetes token handed out", 4096),
    /** One line of the kernel's: /proc/self/stat, /proc/uptime (the start-up probe's clock). */
    PROC_LINE("a line of /proc", 4096);

    private final String kind;
    private final long maxBytes;

    FileSizeLimit(String kind, long maxBytes) {
        this.kind = kind;
        this.maxBytes = maxBytes;
    }

    public String kind() {
        return kind;
    }

    public long maxBytes() {
        return maxBytes;
    }

    private static final class Sizes {
        static final long MIB = 1024 * 1024;
    }
}
