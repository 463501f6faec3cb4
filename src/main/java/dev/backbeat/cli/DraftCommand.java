package dev.backbeat.cli;

import dev.backbeat.draft.Draft;
import dev.backbeat.draft.DraftCodec;
import dev.backbeat.draft.DraftFormatException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

@Command(name = "draft", description = "Read a timeline draft (compact t/tt/sg/d/m JSON) and print its summary.")
final class DraftCommand implements java.util.concurrent.Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "DRAFT.json", description = "A draft file, or - for standard input.")
    String file;

    @Override
    public Integer call() {
        String json;
        try {
            json = "-".equals(file)
                    ? new String(System.in.readAllBytes(), StandardCharsets.UTF_8)
                    : Files.readString(Path.of(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            spec.commandLine().getErr().println("Cannot read " + file + ": " + e.getMessage());
            return 2;
        }
        try {
            Draft draft = DraftCodec.decode(json);
            spec.commandLine().getOut().println(draft.summary());
            spec.commandLine().getOut().println(draft.isExportable()
                    ? "Ready to export." : "Nothing to export yet: every track is empty.");
            return 0;
        } catch (DraftFormatException e) {
            spec.commandLine().getErr().println("This draft cannot be read: " + e.getMessage());
            return 2;
        }
    }
}
