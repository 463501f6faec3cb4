package dev.backbeat.cli;

import dev.backbeat.service.AppInfo;
import picocli.CommandLine;
import picocli.CommandLine.Command;

@Command(name = "version", description = "Print the version of Backbeat.")
final class VersionCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().getOut().println("Backbeat " + AppInfo.version());
    }

    static final class Provider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"Backbeat " + AppInfo.version()};
        }
    }
}
