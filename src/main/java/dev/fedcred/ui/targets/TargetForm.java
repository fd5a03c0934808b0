package dev.fedcred.ui.targets;

import dev.fedcred.core.aws.AwsRoleTarget;
import dev.fedcred.core.gcp.GcpWorkloadTarget;
import dev.fedcred.core.targets.Target;
import dev.fedcred.core.targets.TargetField;
import dev.fedcred.core.targets.TargetValidation;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The target dialogs' rules, without JavaFX: turns what the user typed into a target, or into one
 * message per field. Only the parsing is here (a number of seconds, a URL, a path, a name in use);
 * what a valid target is comes from core's {@link TargetValidation}, which also has the last word
 * when the target is saved.
 */
final class TargetForm {

    /** What the AWS dialog holds, as typed; an empty issuer means the default issuer. */
    record AwsValues(String name, String issuer, String roleArn, String profile, String region, String duration,
                     String sessionName, String stsEndpoint) {

        static AwsValues blank() {
            return new AwsValues("", "", "", "", "", String.valueOf(AwsRoleTarget.DEFAULT_DURATION.toSeconds()), "", "");
        }

        static AwsValues of(AwsRoleTarget target) {
            return new AwsValues(target.name(), text(target.issuer()), target.roleArn(), target.profile(),
                    text(target.region()), String.valueOf(target.sessionDuration().toSeconds()),
                    text(target.roleSessionName()), text(target.stsEndpoint()));
        }
    }

    /** What the GCP dialog holds, as typed; an empty ADC file means the default location. */
    record GcpValues(String name, String issuer, String projectNumber, String pool, String provider,
                     String serviceAccount, String scopes, String lifetime, String adcFile, String stsEndpoint,
                     String iamCredentialsEndpoint, String caFile) {

        static GcpValues blank() {
            return new GcpValues("", "", "", "", "", "", GcpWorkloadTarget.CLOUD_PLATFORM_SCOPE,
                    String.valueOf(GcpWorkloadTarget.DEFAULT_LIFETIME.toSeconds()), "", "", "", "");
        }

        static GcpValues of(GcpWorkloadTarget target) {
            return new GcpValues(target.name(), text(target.issuer()), target.projectNumber(), target.poolId(),
                    target.providerId(), text(target.serviceAccount()), String.join(" ", target.scopes()),
                    String.valueOf(target.tokenLifetime().toSeconds()), text(target.adcFile()),
                    text(target.stsEndpoint()), text(target.iamCredentialsEndpoint()), text(target.trustedCaFile()));
        }
    }

    /** What the disk said about an ADC file: {@code problem} is null when fedcred can write it. */
    record FileCheck(Path file, String problem) {
    }

    /**
     * The target to save, or the problems by field (never both). {@code fileToCheck} names an ADC
     * file whose folder has not been looked at yet: the dialog checks it off the FX thread first.
     */
    record Result(Target target, Map<TargetField, String> errors, Path fileToCheck) {
        Result {
            EnumMap<TargetField, String> copy = new EnumMap<>(TargetField.class);
            copy.putAll(errors);
            errors = Collections.unmodifiableMap(copy);
        }

        boolean valid() {
            return target != null;
        }
    }

    private final Set<String> takenNames;
    private final Set<String> issuers;
    private final TargetValidation validation;

    /**
     * @param takenNames the names of the other targets, built-in ones included
     * @param issuers    the issuers a target may name
     * @param validation the rules of every kind of target
     */
    TargetForm(Set<String> takenNames, Set<String> issuers, TargetValidation validation) {
        this.takenNames = Set.copyOf(takenNames);
        this.issuers = Set.copyOf(issuers);
        this.validation = validation;
    }

    /** The label and accessible name of each field. */
    static String label(TargetField field) {
        return switch (field) {
            case NAME -> "Name";
            case ISSUER -> "Issuer";
            case ROLE_ARN -> "Role ARN";
            case SOURCE -> "Source target";
            case EXTERNAL_ID -> "External ID";
            case PROFILE -> "Profile";
            case REGION -> "Region";
            case DURATION -> "Session duration";
            case SESSION_NAME -> "Session name";
            case PROJECT_NUMBER -> "Project number";
            case POOL -> "Pool ID";
            case PROVIDER -> "Provider ID";
            case SERVICE_ACCOUNT -> "Service account";
            case SCOPES -> "Scopes";
            case LIFETIME -> "Token lifetime";
            case ADC_FILE -> "ADC file";
            case STS_ENDPOINT -> "STS endpoint";
            case IAM_CREDENTIALS_ENDPOINT -> "IAM Credentials endpoint";
            case TRUSTED_CA_FILE -> "CA file";
        };
    }

    Result checkAws(AwsValues values) {
        Map<TargetField, String> errors = new EnumMap<>(TargetField.class);
        Duration duration = seconds(values.duration(), TargetField.DURATION, errors);
        URI sts = url(values.stsEndpoint(), TargetField.STS_ENDPOINT, errors);
        AwsRoleTarget target = new AwsRoleTarget(trim(values.name()), trim(values.roleArn()), trim(values.profile()),
                trim(values.region()), duration, trim(values.sessionName()), trim(values.issuer()), sts);
        problems(target, errors);
        return new Result(errors.isEmpty() ? target : null, errors, null);
    }

    /** @param lastCheck what the disk said about the ADC file last; null when nothing was checked */
    Result checkGcp(GcpValues values, FileCheck lastCheck) {
        Map<TargetField, String> errors = new EnumMap<>(TargetField.class);
        Duration lifetime = seconds(values.lifetime(), TargetField.LIFETIME, errors);
        List<String> scopes = Arrays.stream(trim(values.scopes()).split("[\\s,]+")).filter(s -> !s.isEmpty())
                .distinct().toList();
        Path adcFile = path(values.adcFile(), TargetField.ADC_FILE, errors);
        GcpWorkloadTarget target = new GcpWorkloadTarget(trim(values.name()), trim(values.projectNumber()),
                trim(values.pool()), trim(values.provider()), trim(values.serviceAccount()), scopes, lifetime, adcFile,
                trim(values.issuer()), url(values.stsEndpoint(), TargetField.STS_ENDPOINT, errors),
                url(values.iamCredentialsEndpoint(), TargetField.IAM_CREDENTIALS_ENDPOINT, errors),
                path(values.caFile(), TargetField.TRUSTED_CA_FILE, errors));
        problems(target, errors);
        Path toCheck = null;
        if (adcFile != null && !errors.containsKey(TargetField.ADC_FILE)) {
            if (lastCheck == null || !adcFile.equals(lastCheck.file())) {
                toCheck = adcFile;
            } else if (lastCheck.problem() != null) {
                errors.put(TargetField.ADC_FILE, lastCheck.problem());
            }
        }
        return new Result(errors.isEmpty() && toCheck == null ? target : null, errors, toCheck);
    }

    private void problems(Target target, Map<TargetField, String> errors) {
        if (takenNames.contains(target.name())) {
            errors.put(TargetField.NAME, "There is already a target named \"" + target.name() + "\"; choose another name.");
        }
        if (target.issuer() != null && !issuers.contains(target.issuer())) {
            errors.put(TargetField.ISSUER, "There is no issuer named \"" + target.issuer() + "\" any more; choose one"
                    + " of yours, or add it under Issuers first.");
        }
        validation.problems(target).forEach(errors::putIfAbsent);
    }

    /** A blank field means the default. */
    private static Duration seconds(String text, TargetField field, Map<TargetField, String> errors) {
        String value = trim(text);
        if (value.isEmpty()) {
            return null;
        }
        if (!value.matches("[0-9]{1,9}")) {
            errors.put(field, "Enter a whole number of seconds, such as 3600 for an hour.");
            return null;
        }
        return Duration.ofSeconds(Long.parseLong(value));
    }

    private static URI url(String text, TargetField field, Map<TargetField, String> errors) {
        String value = trim(text);
        if (value.isEmpty()) {
            return null;
        }
        try {
            return new URI(value);
        } catch (URISyntaxException e) {
            errors.put(field, "This is not a URL: " + e.getReason() + ". Leave it empty for the cloud's own endpoint.");
            return null;
        }
    }

    private static Path path(String text, TargetField field, Map<TargetField, String> errors) {
        String value = trim(text);
        if (value.isEmpty()) {
            return null;
        }
        try {
            return Path.of(value);
        } catch (InvalidPathException e) {
            errors.put(field, "This is not a file path: " + e.getReason() + ".");
            return null;
        }
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }

    private static String trim(String text) {
        return text == null ? "" : text.strip();
    }
}
