package dev.fedcred.cli;

import dev.fedcred.FedcredContext;
import dev.fedcred.core.targets.TargetSetting;
import dev.fedcred.core.targets.TargetKind;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** The kinds of target fedcred knows, with the settings `targets add KIND` takes. */
@Command(name = "kinds", description = "List the kinds of target and the settings each takes.")
final class TargetKindsCommand implements Runnable {
    @Spec
    CommandSpec spec;

    private final FedcredContext context;

    TargetKindsCommand(FedcredContext context) {
        this.context = context;
    }

    @Override
    public void run() {
        PrintWriter out = Terminal.out(spec);
        for (TargetKind<?> kind : context.kinds().all()) {
            out.println(kind.id() + ": " + kind.title());
            for (TargetSetting key : kind.form().settings()) {
                out.printf("  %-24s %-9s %s%n", key.key(), key.required() ? "required" : "optional", key.description());
            }
        }
    }
}
