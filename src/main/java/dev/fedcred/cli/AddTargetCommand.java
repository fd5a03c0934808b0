package dev.fedcred.cli;

import dev.fedcred.FedcredContext;
import dev.fedcred.core.FedcredException;
import dev.fedcred.core.launch.Launcher;
import dev.fedcred.core.targets.Target;
import dev.fedcred.core.targets.TargetKind;
import dev.fedcred.core.targets.TargetKinds;
import dev.fedcred.core.targets.TextEntry;
import dev.fedcred.core.text.OutsideText;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** Adds a target of any kind from its settings as KEY=VALUE, so every kind is usable from the command line. */
@Command(name = "add", description = {"Add a target of any kind from its settings, given as KEY=VALUE.",
        "`fedcred targets kinds` lists the kinds and their settings; add-aws and add-gcp do the same with options."})
final class AddTargetCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "KIND", description = "The kind of target, such as aws or gcp.")
    String kindId;

    @Parameters(index = "1", paramLabel = "NAME", description = "A short name, e.g. prod-readonly.")
    String name;

    @Parameters(index = "2..*", paramLabel = "KEY=VALUE", description = "The target's settings, e.g. role_arn=ARN profile=prod.")
    List<String> settings = List.of();

    private final FedcredContext context;

    AddTargetCommand(FedcredContext context) {
        this.context = context;
    }

    @Override
    public void run() {
        TargetKind<?> kind = context.kinds().byId(kindId).orElseThrow(() -> new FedcredException("There is no kind of"
                + " target " + OutsideText.quoted(kindId) + "; the kinds are " + String.join(", ",
                context.kinds().all().stream().map(TargetKind::id).toList()) + "."));
        Target target = TextEntry.read(kind, name, values());
        if (target.issuer() != null) {
            context.issuers().resolve(target.issuer());
        }
        context.targetEditor().save(target, name);
        TargetKinds.Bound<?> added = context.kinds().of(target);
        Terminal.out(spec).println("Added target " + name + " (" + kind.title() + ", " + added.identity() + " -> "
                + added.writesTo() + "). Get credentials with `" + Launcher.current().forPeople("assume", name) + "`.");
    }

    private Map<String, String> values() {
        Map<String, String> values = new LinkedHashMap<>();
        for (String setting : settings) {
            int equals = setting.indexOf('=');
            if (equals <= 0) {
                throw new FedcredException(OutsideText.quoted(setting) + " is not KEY=VALUE, such as profile=prod.");
            }
            if (values.put(setting.substring(0, equals).strip(), setting.substring(equals + 1)) != null) {
                throw new FedcredException(setting.substring(0, equals).strip() + " is given twice.");
            }
        }
        return values;
    }
}
