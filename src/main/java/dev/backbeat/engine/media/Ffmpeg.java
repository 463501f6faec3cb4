package dev.backbeat.engine.media;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Where the ffmpeg and ffprobe executables are, and the environment they need to start
 * (the bundled build finds its shared libraries through {@code LD_LIBRARY_PATH}).
 */
public record Ffmpeg(Path ffmpeg, Path ffprobe, Map<String, String> environment) {

    public enum Tool { FFMPEG, FFPROBE }

    public Path path(Tool tool) {
        return tool == Tool.FFMPEG ? ffmpeg : ffprobe;
    }

    /** A process builder for {@code tool} with {@code args}: an argument list, never a shell string. */
    public ProcessBuilder builder(Tool tool, List<String> args) {
        List<String> command = new ArrayList<>(args.size() + 1);
        command.add(path(tool).toString());
        command.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().putAll(environment);
        return pb;
    }
}
