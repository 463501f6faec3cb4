package dev.backbeat.cli;

import dev.backbeat.engine.media.Ffmpeg;
import dev.backbeat.engine.media.FfmpegLocator;
import dev.backbeat.engine.media.MediaException;
import dev.backbeat.service.AppInfo;
import picocli.CommandLine;
import picocli.CommandLine.Command;

@Command(name = "version", description = "Print the version of Backbeat.")
final class VersionCommand implements java.util.concurrent.Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Option(names = "--tools", description = "Also print where the FFmpeg in use is (unpacking the bundled one if needed).")
    boolean tools;

    @Override
    public Integer call() {
        var out = spec.commandLine().getOut();
        out.println("Backbeat " + AppInfo.version());
        if (tools) {
            try {
                Ffmpeg f = new FfmpegLocator().locate();
                out.println("ffmpeg: " + f.ffmpeg());
                out.println("ffprobe: " + f.ffprobe());
            } catch (MediaException e) {
                spec.commandLine().getErr().println(e.getMessage());
                return 1;
            }
        }
        return 0;
    }

    static final class Provider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"Backbeat " + AppInfo.version()};
        }
    }
}
