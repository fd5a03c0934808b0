package dev.fedcred.core.aws.profiles;

/** The two AWS files name a profile's section differently. */
enum AwsFileKind {
    /** {@code [name]} for every profile. */
    CREDENTIALS,
    /** {@code [profile name]}, but {@code [default]} for the default profile (the SDKs also accept {@code [profile default]}). */
    CONFIG;

    /**
     * The profile a section header's trimmed name defines, as the AWS SDKs read it, or null for a
     * config section that is not a profile ({@code [sso-session x]}, {@code [services x]}).
     */
    String profileNamed(String headerName) {
        if (this == CREDENTIALS) {
            return headerName;
        }
        if (headerName.startsWith("profile ") || headerName.startsWith("profile\t")) {
            return headerName.substring("profile".length()).trim();
        }
        return headerName.equals("default") ? "default" : null;
    }

    /** The header fedcred writes for a new section. */
    String headerFor(String profile) {
        if (this == CONFIG && !profile.equals("default")) {
            return "[profile " + profile + "]";
        }
        return "[" + profile + "]";
    }
}
