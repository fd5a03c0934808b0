package dev.fedcred.core.aws.console;

import dev.fedcred.core.text.OutsideText;
import java.util.Optional;
import java.util.regex.Pattern;

/** The one rule for an AWS region name, for a target's region and the console's. */
public final class AwsRegions {
    /** us-east-1, eu-central-2, us-gov-west-1, cn-north-1. */
    private static final Pattern NAME = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d");

    private AwsRegions() {
    }

    /** What is wrong with {@code region} as a region name; empty when it is one. */
    public static Optional<String> problem(String region) {
        return NAME.matcher(region).matches() ? Optional.empty()
                : Optional.of(OutsideText.quoted(region) + " is not an AWS region name such as eu-west-1.");
    }
}
