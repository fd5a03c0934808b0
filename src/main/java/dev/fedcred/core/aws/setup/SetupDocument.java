package dev.fedcred.core.aws.setup;

/**
 * One piece of generated cloud-side set-up, as data: a window shows it with a copy button, the CLI
 * prints it.
 *
 * @param format   what the text is, so a caller can pick and a test can parse it back
 * @param title    what it is for, one line for people
 * @param fileName a name to save it under (trust-policy.json, setup.sh, …)
 * @param text     the document itself, ending with a line break
 */
public record SetupDocument(Format format, String title, String fileName, String text) {
    public enum Format {
        /** The role's trust policy as IAM stores it. */
        JSON,
        /** AWS CLI commands for a POSIX shell. */
        COMMANDS,
        /** An AWS CloudFormation template (JSON). */
        CLOUDFORMATION,
        /** Terraform configuration for the hashicorp/aws provider. */
        TERRAFORM
    }
}
