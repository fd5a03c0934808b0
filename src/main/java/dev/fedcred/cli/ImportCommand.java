package dev.fedcred.cli;

import dev.fedcred.FedcredContext;
import dev.fedcred.core.imports.ExistingSetups;
import dev.fedcred.core.imports.ImportCandidate;
import dev.fedcred.core.imports.ImportScan;
import dev.fedcred.core.launch.Launcher;
import dev.fedcred.core.targets.TargetKinds;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "import", description = {
        "Make fedcred targets from what you already have, after you pick them.",
        "It reads AWS config profiles with role_arn and web_identity_token_file, and gcloud create-cred-config files (external_account JSON",
        "from GOOGLE_APPLICATION_CREDENTIALS, gcloud's ADC file and the files given). Nothing is written",
        "before the pick: name them with --select, or type their numbers when asked on a terminal."})
final class ImportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..*", paramLabel = "FILE", description = "More gcloud credential configuration files to read.")
    List<Path> files = new ArrayList<>();

    @Option(names = "--issuer", paramLabel = "NAME",
            description = "The issuer the imported targets sign in with (default: the default issuer); neither source names one.")
    String issuer;

    @Option(names = "--select", arity = "1..*", paramLabel = "NAME", description = "Import these candidates, by name.")
    List<String> selected = new ArrayList<>();

    @Option(names = "--dry-run", description = "Only list the candidates; write nothing.")
    boolean dryRun;

    private final FedcredContext context;

    ImportCommand(FedcredContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws IOException {
        if (issuer != null) {
            context.issuers().resolve(issuer);
        }
        List<Path> credConfigs = new ArrayList<>(ExistingSetups.usualCredConfigs(context.environment()));
        credConfigs.addAll(files);
        ImportScan scan = new ExistingSetups(issuer).scan(context.aws().files().configFile(), credConfigs);
        PrintWriter out = Terminal.out(spec);
        PrintWriter err = Terminal.err(spec);
        scan.problems().forEach(problem -> err.println("fedcred: skipped: " + problem));
        List<ImportCandidate> candidates = scan.candidates();
        if (candidates.isEmpty()) {
            out.println("Found nothing to import: no AWS web-identity profile in " + context.aws().files().configFile()
                    + " and no gcloud credential configuration" + (credConfigs.isEmpty() ? "" : " in " + credConfigs) + ".");
            return selected.isEmpty() ? ExitCodes.OK : usage("There is nothing to select.");
        }
        list(out, candidates);
        if (dryRun) {
            out.println("Nothing written (--dry-run).");
            return ExitCodes.OK;
        }
        List<ImportCandidate> picked = selected.isEmpty() ? askOnTerminal(out, candidates) : byName(candidates);
        if (picked == null) {
            out.println("Nothing written. Pick with --select NAME..., e.g. `" + Launcher.current().forPeople("import",
                    "--select", candidates.get(0).target().name()) + "`.");
            return ExitCodes.OK;
        }
        for (ImportCandidate candidate : picked) {
            context.targetEditor().save(candidate.target(), null);
            out.println("Added target " + candidate.target().name() + " (" + context.kinds().of(candidate.target()).writesTo()
                    + "). Check it with `" + Launcher.current().forPeople("doctor", candidate.target().name()) + "`.");
        }
        return ExitCodes.OK;
    }

    private void list(PrintWriter out, List<ImportCandidate> candidates) {
        out.printf("%-3s %-24s %-12s %-56s %s%n", "#", "NAME", "KIND", "IDENTITY", "FOUND IN");
        for (int i = 0; i < candidates.size(); i++) {
            ImportCandidate candidate = candidates.get(i);
            TargetKinds.Bound<?> kind = context.kinds().of(candidate.target());
            boolean taken = context.targets().find(candidate.target().name()).isPresent();
            out.printf("%-3d %-24s %-12s %-56s %s%s%n", i + 1, candidate.target().name(), kind.id(), kind.identity(),
                    candidate.foundIn(), taken ? " (a target of that name exists)" : "");
        }
        String signsIn = context.issuers().resolve(issuer).label();
        out.println("They sign in with the issuer " + signsIn + (issuer == null ? " (the default; choose another with --issuer)" : "") + ".");
    }

    private List<ImportCandidate> byName(List<ImportCandidate> candidates) {
        List<ImportCandidate> picked = new ArrayList<>();
        for (String name : selected) {
            picked.add(candidates.stream().filter(c -> c.target().name().equals(name)).findFirst()
                    .orElseThrow(() -> new CommandLine.ParameterException(spec.commandLine(),
                            "No candidate is named \"" + name + "\"; pick among those listed.")));
        }
        return picked;
    }

    /** The numbers typed on a terminal; null when there is no terminal or nothing was typed. */
    private static List<ImportCandidate> askOnTerminal(PrintWriter out, List<ImportCandidate> candidates) throws IOException {
        if (System.console() == null) {
            return null;
        }
        out.print("Import which? Numbers separated by spaces (nothing: none): ");
        out.flush();
        String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        if (line == null || line.isBlank()) {
            return null;
        }
        List<ImportCandidate> picked = new ArrayList<>();
        for (String word : line.trim().split("[\\s,]+")) {
            int number;
            try {
                number = Integer.parseInt(word);
            } catch (NumberFormatException e) {
                number = 0;
            }
            if (number < 1 || number > candidates.size()) {
                out.println("\"" + word + "\" is not one of the numbers 1 to " + candidates.size() + "; nothing written.");
                return null;
            }
            picked.add(candidates.get(number - 1));
        }
        return picked;
    }

    private int usage(String message) {
        throw new CommandLine.ParameterException(spec.commandLine(), message);
    }
}
