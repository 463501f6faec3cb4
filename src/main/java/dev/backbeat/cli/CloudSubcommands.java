package dev.backbeat.cli;

import dev.backbeat.service.BackendException;
import dev.backbeat.service.CancelToken;
import dev.backbeat.service.Credits;
import dev.backbeat.service.ExportRequest;
import dev.backbeat.service.ExportResult;
import dev.backbeat.service.InputRouter;
import dev.backbeat.service.Intent;
import dev.backbeat.service.MediaInfo;
import dev.backbeat.service.SessionState;
import dev.backbeat.service.cloud.CloudBackend;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** The commands under "backbeat cloud"; each opens the back end on the shared config folder and prints what a user would see. */
final class CloudSubcommands {
    private CloudSubcommands() {
    }

    /** Shared by the subcommands: open the back end, run, print a failure in the user's words. */
    abstract static class Sub implements Callable<Integer> {
        @ParentCommand
        CloudCommand parent;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        PrintWriter out() {
            return spec.commandLine().getOut();
        }

        PrintWriter err() {
            return spec.commandLine().getErr();
        }

        @Override
        public Integer call() {
            try (CloudBackend backend = parent.open()) {
                CancelToken cancel = new CancelToken();
                // Ctrl+C leaves a render running in the cloud and recorded, for "resume"; it does not cancel it
                Thread hook = new Thread(backend::close, "backbeat-cli-close");
                Runtime.getRuntime().addShutdownHook(hook);
                try {
                    return run(backend, cancel);
                } finally {
                    try {
                        Runtime.getRuntime().removeShutdownHook(hook);
                    } catch (IllegalStateException ignored) {
                        // already shutting down: the hook is running
                    }
                }
            } catch (BackendException e) {
                out().flush();
                err().println(e.userMessage());
                return CloudCommand.exitCode(e);
            } catch (IOException e) {
                err().println("Cannot read the cloud settings: " + e.getMessage());
                return 2;
            } finally {
                out().flush();
                err().flush();
            }
        }

        abstract int run(CloudBackend backend, CancelToken cancel) throws BackendException;

        int export(CloudBackend backend, Path target, CancelToken cancel) throws BackendException {
            ExportResult r = backend.export(ExportRequest.to(target), new CloudPrinter.ProgressPrinter(out()), cancel);
            out().println("Saved " + r.file() + " (" + r.details() + ").");
            return 0;
        }

        void printState(SessionState s) {
            out().println(s.draft().summary());
            for (MediaInfo m : s.media()) {
                out().println("  media: " + CloudPrinter.describe(m));
            }
            out().println(s.draft().isExportable() ? "Ready to export." : "Nothing to export yet: every track is empty.");
        }
    }

    @Command(name = "login", mixinStandardHelpOptions = true, description = "Connect: get a token (NEMO_TOKEN or a free anonymous one) and open a session.")
    static final class Login extends Sub {
        @Override
        int run(CloudBackend backend, CancelToken cancel) throws BackendException {
            out().println(backend.connect((note, f) -> { }));
            return 0;
        }
    }

    @Command(name = "credits", mixinStandardHelpOptions = true, description = "Show the credit balance.")
    static final class CreditsCmd extends Sub {
        @Override
        int run(CloudBackend backend, CancelToken cancel) throws BackendException {
            Credits c = backend.credits();
            out().println(c.describe());
            return 0;
        }
    }

    @Command(name = "upload", mixinStandardHelpOptions = true, description = "Upload files (or http(s) addresses) into the project: "
            + "mp4, mov, avi, webm, mkv, jpg, png, gif, webp, mp3, wav, m4a, aac; 500 MB each at most.")
    static final class Upload extends Sub {
        @Parameters(paramLabel = "FILE", arity = "1..*", description = "Files or http(s) addresses.")
        List<String> items;

        @Override
        int run(CloudBackend backend, CancelToken cancel) throws BackendException {
            List<Path> files = new ArrayList<>();
            List<URI> urls = new ArrayList<>();
            for (String item : items) {
                if (item.startsWith("http://") || item.startsWith("https://")) {
                    urls.add(URI.create(item));
                } else {
                    files.add(Path.of(item));
                }
            }
            int[] lastTenth = {-1};
            List<MediaInfo> media = new ArrayList<>();
            if (!files.isEmpty()) {
                media.addAll(backend.upload(files, (note, f) -> {
                    int tenth = (int) Math.floor(f * 10);
                    if (tenth > lastTenth[0]) {
                        out().println(note + "… " + Math.round(f * 100) + "%");
                        out().flush();
                        lastTenth[0] = tenth;
                    }
                }, cancel));
            }
            if (!urls.isEmpty()) {
                media.addAll(backend.uploadUrls(urls, (note, f) -> out().println(note + "…"), cancel));
            }
            for (MediaInfo m : media) {
                out().println("Uploaded " + CloudPrinter.describe(m));
            }
            return 0;
        }
    }

    @Command(name = "chat", mixinStandardHelpOptions = true, description = "Say what you want (\"add lo-fi music at 35%%\"); the reply streams as it "
            + "arrives. Asking for export, credits or status runs that directly.")
    static final class Chat extends Sub {
        @Parameters(paramLabel = "MESSAGE", arity = "1..*", description = "The message (several words are joined).")
        List<String> words;

        @Override
        int run(CloudBackend backend, CancelToken cancel) throws BackendException {
            String message = String.join(" ", words);
            Intent intent = new InputRouter().route(message);
            switch (intent) {
                case CREDITS -> {
                    out().println(backend.credits().describe());
                    return 0;
                }
                case STATE -> {
                    printState(backend.state());
                    return 0;
                }
                case EXPORT -> {
                    String name = "backbeat-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + ".mp4";
                    return export(backend, Path.of(name), cancel);
                }
                case UPLOAD -> {
                    err().println("To upload, run: backbeat cloud upload FILE…");
                    return 2;
                }
                default -> {
                    return chat(backend, message, cancel);
                }
            }
        }

        private int chat(CloudBackend backend, String message, CancelToken cancel) {
            CloudPrinter.ChatPrinter printer = new CloudPrinter.ChatPrinter(out(), err());
            backend.chat(message, printer, cancel);
            return printer.exitCode();
        }
    }

    @Command(name = "status", mixinStandardHelpOptions = true, description = "Show the timeline and the project's media.")
    static final class Status extends Sub {
        @Override
        int run(CloudBackend backend, CancelToken cancel) throws BackendException {
            printState(backend.state());
            for (String job : backend.pendingExports()) {
                out().println("Unfinished export: " + job + " (run 'backbeat cloud resume')");
            }
            return 0;
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true, description = "Render the timeline in the cloud and download the MP4.")
    static final class Export extends Sub {
        @Option(names = {"-o", "--output"}, paramLabel = "OUT.mp4", required = true, description = "Where to save the video.")
        Path output;

        @Override
        int run(CloudBackend backend, CancelToken cancel) throws BackendException {
            return export(backend, output, cancel);
        }
    }

    @Command(name = "resume", mixinStandardHelpOptions = true, description = "Finish exports an earlier run started (poll and download).")
    static final class Resume extends Sub {
        @Override
        int run(CloudBackend backend, CancelToken cancel) throws BackendException {
            if (backend.pendingExports().isEmpty()) {
                out().println("No unfinished exports.");
                return 0;
            }
            for (ExportResult r : backend.resumeExports(new CloudPrinter.ProgressPrinter(out()), cancel)) {
                out().println("Saved " + r.file() + " (" + r.details() + ").");
            }
            return 0;
        }
    }
}
