package dev.fedcred.cli;

import dev.fedcred.FedcredContext;
import dev.fedcred.core.agent.AgentDefinition;
import dev.fedcred.core.agent.AgentInstaller;
import dev.fedcred.core.agent.AgentLog;
import dev.fedcred.core.agent.RenewalAgent;
import dev.fedcred.core.launch.ShellWords;
import dev.fedcred.core.renewal.CredentialRenewer;
import dev.fedcred.core.renewal.RenewerSeat;
import dev.fedcred.core.renewal.RenewerState;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "agent", description = {
        "The background agent: renews ID tokens and written credentials while no window is open.",
        "It and the desktop app never renew at once: whichever started first renews, the other takes over"
                + " when it stops."},
        subcommands = {AgentCommand.Run.class, AgentCommand.Install.class, AgentCommand.Uninstall.class,
                AgentCommand.Status.class})
final class AgentCommand implements Runnable {
    /** install wrote the definition but could not start the agent: the commands to run are printed. */
    static final int NOT_STARTED = 4;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "run", description = {
            "Run the agent in this terminal until stopped (SIGTERM or Ctrl-C); the installed agent runs this.",
            "Logs what it renews, never a token, to agent.log in fedcred's state directory."})
    static final class Run implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--check-every", paramLabel = "SECONDS", defaultValue = "30",
                description = "Seconds between renewal checks, as the desktop app's (default: ${DEFAULT-VALUE}).")
        long checkEvery;

        @Option(names = "--lead", paramLabel = "SECONDS", defaultValue = "300",
                description = "Renew what expires within this many seconds (default: ${DEFAULT-VALUE}).")
        long lead;

        private final FedcredContext context;

        Run(FedcredContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            if (checkEvery < 1 || lead < 0) {
                throw new IllegalArgumentException("--check-every must be at least 1 second and --lead not negative.");
            }
            AgentLog log = new AgentLog(AgentLog.fileIn(context.paths()), context.clock());
            RenewalAgent agent = new RenewalAgent(RenewerSeat.in(context.paths(), RenewerSeat.AGENT, context.clock()),
                    () -> context.renewer(Duration.ofSeconds(lead)), log, Duration.ofSeconds(checkEvery));
            // SIGTERM (systemd's stop, launchd's, a logout) runs this hook: the seat is left cleanly
            Thread hook = new Thread(agent::stop, "fedcred-agent-stop");
            Runtime.getRuntime().addShutdownHook(hook);
            Terminal.err(spec).println("fedcred: the agent runs; it logs to " + log.file() + ". Stop it with Ctrl-C.");
            Terminal.err(spec).flush();
            agent.run();
            return ExitCodes.OK;
        }
    }

    @Command(name = "install", description = {
            "Start the agent at every log-in: a systemd user unit (Linux), a launchd agent (macOS) or a Task"
                    + " Scheduler task (Windows), started now.",
            "Exits " + NOT_STARTED + " when the definition was written but the service manager did not answer;"
                    + " it prints the commands to run."})
    static final class Install implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        private final FedcredContext context;

        Install(FedcredContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            AgentInstaller installer = context.agentInstaller();
            AgentDefinition definition = installer.definition();
            AgentInstaller.Result result = installer.install();
            PrintWriter out = Terminal.out(spec);
            if (definition.file() != null) {
                out.println("Wrote " + definition.file() + ".");
            }
            if (result.done()) {
                out.println("The agent runs now and at every log-in (" + definition.platform() + ")."
                        + " See it with `fedcred agent status`.");
                return ExitCodes.OK;
            }
            PrintWriter err = Terminal.err(spec);
            err.println("fedcred: " + definition.platform() + " did not answer here, so the agent is not started."
                    + " Where it runs, start it with:");
            printCommands(err, result.byHand());
            return NOT_STARTED;
        }
    }

    @Command(name = "uninstall", description = "Stop the agent and remove what `agent install` wrote (never a file it did not write).")
    static final class Uninstall implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        private final FedcredContext context;

        Uninstall(FedcredContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            AgentInstaller installer = context.agentInstaller();
            AgentInstaller.Result result = installer.uninstall();
            if (result.done()) {
                Terminal.out(spec).println("The agent is stopped and will not start at log-in.");
                return ExitCodes.OK;
            }
            PrintWriter err = Terminal.err(spec);
            err.println("fedcred: removed the agent's definition; " + installer.definition().platform()
                    + " did not answer here. Where it runs, also run:");
            printCommands(err, result.byHand());
            return NOT_STARTED;
        }
    }

    @Command(name = "status", description = {"Whether the agent runs, its last renewal and the next one due.",
            "Exits 0 when the agent renews, 1 when it does not run or the desktop app renews instead."})
    static final class Status implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        private final FedcredContext context;

        Status(FedcredContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            PrintWriter out = Terminal.out(spec);
            Optional<RenewerState> holder = RenewerSeat.holderOf(context.paths());
            Optional<RenewerState> last = RenewerSeat.lastKnown(RenewerSeat.stateFileIn(context.paths()));
            if (holder.isPresent()) {
                RenewerState state = holder.get();
                out.println((state.isAgent() ? "Agent: running" : "Agent: not renewing; the desktop app renews")
                        + " (process " + state.pid() + ", since " + state.since() + ")");
            } else {
                out.println("Agent: not running");
            }
            out.println("Last renewal: " + last.map(RenewerState::lastRenewal).map(when -> when + " (by the "
                    + last.get().role() + ")").orElse("none recorded"));
            Optional<Instant> next = holder.map(RenewerState::nextRenewal);
            if (next.isEmpty()) {
                next = context.renewer().nextDue();
            }
            out.println("Next renewal: " + next.map(Instant::toString).orElse("nothing to renew")
                    + (holder.isEmpty() && next.isPresent() ? " (when an agent or the desktop app runs)" : ""));
            AgentInstaller installer = context.agentInstaller();
            if (installer.definition().file() != null) {
                out.println("Installed: " + (installer.installed() ? installer.definition().file()
                        : "no (run `fedcred agent install`)"));
            }
            out.println("Log: " + AgentLog.fileIn(context.paths()));
            return holder.filter(RenewerState::isAgent).isPresent() ? ExitCodes.OK : ExitCodes.FAILED;
        }
    }

    private static void printCommands(PrintWriter err, List<List<String>> commands) {
        commands.forEach(command -> err.println("  " + command.stream().map(ShellWords::quoted)
                .collect(Collectors.joining(" "))));
    }
}
