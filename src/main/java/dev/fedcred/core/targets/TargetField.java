package dev.fedcred.core.targets;

/** The settings of a target, so a problem can be shown beside the one it is about. */
public enum TargetField {
    NAME,
    ISSUER,
    ROLE_ARN,
    SOURCE,
    EXTERNAL_ID,
    PROFILE,
    REGION,
    DURATION,
    SESSION_NAME,
    PROJECT_NUMBER,
    POOL,
    PROVIDER,
    SERVICE_ACCOUNT,
    SCOPES,
    LIFETIME,
    ADC_FILE,
    STS_ENDPOINT,
    IAM_CREDENTIALS_ENDPOINT,
    TRUSTED_CA_FILE
}
