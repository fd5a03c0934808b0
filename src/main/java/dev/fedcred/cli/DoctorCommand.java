package dev.fedcred.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fedcred.FedcredContext;
import dev.fedcred.core.doctor.DoctorReport;
import dev.fedcred.core.targets.Finding;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "doctor", description = {
        "Check everything fedcred can check on your side, and say how to fix each finding.",
        "It checks the issuer and your clock, the sign-in, variables and files that shadow what fedcred writes,",
        "file modes, the keychain, gcloud, and tries each exchange in a dry run (nothing is written).",
        "Exit codes: 0 nothing found (notes only), 1 an error or a warning found, 2 usage."})
final class DoctorCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "TARGET",
            description = "The target to check (default: all of yours, and the sandbox's when signed in there).")
    String targetName;

    @Option(names = "--json", description = "Print the findings as JSON, for scripts.")
    boolean json;

    @Option(names = "--no-dry-run", description = "Skip the dry runs of the exchanges (no call to the clouds).")
    boolean noDryRun;

    private final FedcredContext context;

    DoctorCommand(FedcredContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        DoctorReport report = context.doctor().check(Optional.ofNullable(targetName), !noDryRun);
        PrintWriter out = Terminal.out(spec);
        if (json) {
            out.println(new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(asJson(report)));
        } else {
            print(out, report);
        }
        out.flush();
        return report.healthy() ? ExitCodes.OK : ExitCodes.FAILED;
    }

    private static void print(PrintWriter out, DoctorReport report) {
        out.println("Checked: " + (report.checked().isEmpty() ? "no target" : String.join(", ", report.checked())));
        for (DoctorReport.Entry entry : report.entries()) {
            Finding finding = entry.finding();
            out.printf("%-7s %s: %s%n", finding.severity().name(), entry.about(), finding.problem());
            if (!finding.fix().isEmpty()) {
                out.println("        fix: " + finding.fix());
            }
        }
        long errors = report.count(Finding.Severity.ERROR);
        long warnings = report.count(Finding.Severity.WARNING);
        out.println(report.healthy() ? "All well: nothing to fix."
                : errors + (errors == 1 ? " error" : " errors") + ", " + warnings + (warnings == 1 ? " warning" : " warnings") + ".");
    }

    private static ObjectNode asJson(DoctorReport report) {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = mapper.createObjectNode();
        root.put("healthy", report.healthy());
        ArrayNode checked = root.putArray("checked");
        report.checked().forEach(checked::add);
        ArrayNode findings = root.putArray("findings");
        for (DoctorReport.Entry entry : report.entries()) {
            ObjectNode node = findings.addObject();
            node.put("about", entry.about());
            node.put("severity", entry.finding().severity().name().toLowerCase(Locale.ROOT));
            node.put("problem", entry.finding().problem());
            node.put("fix", entry.finding().fix());
            node.put("fix_is_command", entry.finding().command());
        }
        return root;
    }
}
