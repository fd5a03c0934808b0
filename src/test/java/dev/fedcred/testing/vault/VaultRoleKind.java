package dev.fedcred.testing.vault;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fedcred.core.FedcredException;
import dev.fedcred.core.targets.SettingInput;
import dev.fedcred.core.targets.SettingsValues;
import dev.fedcred.core.targets.TargetEntry;
import dev.fedcred.core.targets.TargetField;
import dev.fedcred.core.targets.TargetForm;
import dev.fedcred.core.targets.TargetKind;
import dev.fedcred.core.targets.TargetPresentation;
import dev.fedcred.core.targets.TargetPresentation.Line;
import dev.fedcred.core.targets.TargetPresentation.Question;
import dev.fedcred.core.targets.TargetSetting;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The test-only kind of {@link VaultRoleTarget}: its form, settings and rules; it never gets credentials. */
public final class VaultRoleKind implements TargetKind<VaultRoleTarget> {
    public static final String ID = "vault";
    public static final TargetField ROLE = new TargetField("vault_role");
    public static final TargetField TOKEN_FILE = new TargetField("token_file");
    public static final TargetField SOURCE = new TargetField("source_target");

    private final Path defaultTokenFile;

    public VaultRoleKind(Path defaultTokenFile) {
        this.defaultTokenFile = defaultTokenFile;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "Vault role";
    }

    @Override
    public Class<VaultRoleTarget> targetClass() {
        return VaultRoleTarget.class;
    }

    @Override
    public TargetForm form() {
        return new TargetForm("vault-dev, …", List.of(TargetSetting.ISSUER,
                TargetSetting.required(ROLE, "Vault role", "the Vault role to log in as").withPlaceholder("dev-reader")
                        .withHint("The role's name in Vault's JWT auth method."),
                TargetSetting.optional(TOKEN_FILE, "Token file", "where the token goes (default: ~/.vault-token)")
                        .withPlaceholder(defaultTokenFile.toString())
                        .withInput(new SettingInput.FileToWrite(defaultTokenFile, "Vault token file",
                                "Browse for the token file")),
                TargetSetting.optional(SOURCE, "Source target", "the AWS target whose credentials log in")
                        .withPlaceholder("none").withInput(new SettingInput.TargetChoice(Set.of("aws")))),
                texts -> "Writes a Vault token to " + (texts.isSet(TOKEN_FILE) ? texts.text(TOKEN_FILE) : defaultTokenFile)
                        + ".", Set.of());
    }

    @Override
    public VaultRoleTarget read(TargetEntry entry) {
        return new VaultRoleTarget(entry.name(), entry.requiredText(ROLE.key()), entry.optional(TOKEN_FILE.key(), Path::of),
                entry.optionalText(SOURCE.key()), entry.optionalText(TargetField.ISSUER.key()));
    }

    @Override
    public void write(VaultRoleTarget target, ObjectNode entry) {
        entry.put(ROLE.key(), target.role());
        SettingsValues.putIfSet(entry, TOKEN_FILE.key(), target.tokenFile());
        SettingsValues.putIfSet(entry, SOURCE.key(), target.sourceTarget());
    }

    @Override
    public Map<TargetField, String> problems(VaultRoleTarget target) {
        Map<TargetField, String> problems = new LinkedHashMap<>();
        if (!target.role().matches("[a-z][a-z0-9-]*")) {
            problems.put(ROLE, "Enter the Vault role: lowercase letters, digits and hyphens.");
        }
        return problems;
    }

    @Override
    public Obtained obtain(VaultRoleTarget target, boolean force) {
        throw new FedcredException("This test kind gets no credentials.");
    }

    @Override
    public Optional<Instant> cachedExpiry(VaultRoleTarget target) {
        return Optional.empty();
    }

    @Override
    public boolean writtenByFedcred(VaultRoleTarget target) {
        return false;
    }

    @Override
    public Removal removeWritten(VaultRoleTarget target) {
        return new Removal("There was no Vault token written by fedcred.", false);
    }

    @Override
    public void forget(VaultRoleTarget target) {
        // nothing cached
    }

    @Override
    public Path credentialsFile(VaultRoleTarget target) {
        return target.tokenFile() == null ? defaultTokenFile : target.tokenFile();
    }

    @Override
    public String writesTo(VaultRoleTarget target) {
        return "Vault token " + credentialsFile(target);
    }

    @Override
    public String identity(VaultRoleTarget target) {
        return "Vault role " + target.role();
    }

    @Override
    public TargetPresentation presentation(VaultRoleTarget target, Path credentialsFile) {
        return new TargetPresentation(List.of(new Line("Vault role " + target.role(), null),
                new Line("→ " + credentialsFile, null)), "Log in", "Vault token", "Remove token", "Logging in…",
                "Removing the token…", new Question("Remove token", "Remove the token?", "Confirm removing token",
                "Keep token"), "Also remove the Vault token", "The token file is not there.");
    }
}
