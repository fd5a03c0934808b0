package dev.fedcred.core.aws.setup;

import dev.fedcred.core.FedcredException;
import dev.fedcred.core.text.OutsideText;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An IAM role ARN taken apart as IAM's commands want it: {@code create-role} takes the path and the
 * name separately ({@code arn:aws:iam::123456789012:role/ops/deploy} is path {@code /ops/} and name
 * {@code deploy}).
 */
public record RoleArn(String arn, String partition, String accountId, String path, String name) {
    private static final Pattern SHAPE = Pattern.compile("arn:(aws[\\w-]*):iam::(\\d{12}):role(/(?:[\\w+=,.@-]+/)*)([\\w+=,.@-]{1,64})");

    public static RoleArn parse(String arn) {
        Matcher m = SHAPE.matcher(arn == null ? "" : arn);
        if (!m.matches()) {
            throw new FedcredException("Not an IAM role ARN: " + OutsideText.quoted(arn)
                    + ". Give it as arn:aws:iam::ACCOUNT:role/NAME (ACCOUNT is twelve digits).");
        }
        return new RoleArn(arn, m.group(1), m.group(2), m.group(3), m.group(4));
    }
}
