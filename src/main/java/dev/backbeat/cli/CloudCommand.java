package dev.backbeat.cli;

import dev.backbeat.service.BackendException;
import dev.backbeat.service.cloud.CloudBackend;
import dev.backbeat.service.cloud.CloudConfig;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

@Command(name = "cloud", mixinStandardHelpOptions = true, description = "Work with the NemoVideo cloud back end. The project's session is kept in the "
        + "config folder, so upload, chat and export can be separate runs.",
        subcommands = {CloudSubcommands.Login.class, CloudSubcommands.CreditsCmd.class, CloudSubcommands.Upload.class,
            CloudSubcommands.Chat.class, CloudSubcommands.Status.class, CloudSubcommands.Export.class,
            CloudSubcommands.Resume.class},
        footerHeading = "%nExit codes:%n",
        footer = {"  0  done", "  1  failed for another reason", "  2  bad usage or input (file type, size, empty timeline)",
            "  3  network problem (unreachable, cut, timed out)", "  4  the service failed or sent something unreadable",
            "  5  sign-in refused", "  6  out of credits, or not on your plan", "  7  rate limited: wait and try again",
            "  8  the service forgot the session: a new one was started", "  9  cannot write the output file",
            "130  cancelled or interrupted (an export is picked up again by 'resume')",
            "", "Environment: NEMO_API_BASE (service address), NEMO_TOKEN (your own token instead of an anonymous one)."})
public final class CloudCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--api-base", paramLabel = "URL", scope = CommandLine.ScopeType.INHERIT,
            description = "The service address (default: NEMO_API_BASE, the setting api_base, or the NemoVideo service).")
    String apiBase;

    @Option(names = "--config-dir", paramLabel = "DIR", scope = CommandLine.ScopeType.INHERIT,
            description = "Where the client id, token, session and render jobs are kept (default ~/.config/backbeat).")
    Path configDir;

    private final Map<String, String> env;

    public CloudCommand() {
        this(System.getenv());
    }

    CloudCommand(Map<String, String> env) {
        this.env = env;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    CloudBackend open() throws IOException {
        Path dir = configDir != null ? configDir : CloudConfig.defaultConfigDir(env);
        return new CloudBackend(CloudConfig.load(env, dir, apiBase));
    }

    static int exitCode(BackendException e) {
        return switch (e.kind()) {
            case BAD_INPUT, DAMAGED, UNSUPPORTED -> 2;
            case NETWORK -> 3;
            case SERVER -> 4;
            case AUTH -> 5;
            case OUT_OF_CREDITS, PLAN -> 6;
            case RATE_LIMITED -> 7;
            case SESSION_LOST -> 8;
            case OUTPUT -> 9;
            case CANCELLED -> 130;
            case INTERNAL -> 1;
        };
    }
}
