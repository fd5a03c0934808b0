package dev.fedcred.core.aws.profiles;

/** Whether a profile exists in the credentials file, and whose it is. */
public enum ProfileState {
    MISSING, MANAGED_BY_FEDCRED, WRITTEN_BY_SOMEONE_ELSE
}
