package dev.backbeat.cli;

import dev.backbeat.engine.analysis.VideoAnalyzer;
import dev.backbeat.engine.media.Cancellation;
import dev.backbeat.engine.media.FfmpegLocator;
import dev.backbeat.engine.media.FfmpegRunner;
import dev.backbeat.engine.media.MediaException;
import dev.backbeat.engine.media.Progress;

import com.google.gson.Gson;
import com.google.gson.JsonParseException;
import dev.backbeat.engine.analysis.VideoProfile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Turns the compose command's INPUT into a video profile: a PROFILE.json (a Gson-serialised
 * {@link VideoProfile}, as {@code backbeat analyze --json} writes) is read as is; any other file
 * is analysed as a video.
 */
final class ProfileInput {

    /** INPUT was missing, unreadable or not a profile; the message says what to give instead. */
    static final class BadInputException extends Exception {
        BadInputException(String message) {
            super(message);
        }
    }

    private ProfileInput() {
    }

    /** A video is read by the analysis engine, as {@code backbeat analyze} does. */
    private static VideoProfile analyse(Path video, Progress progress) throws BadInputException {
        try {
            FfmpegRunner runner = new FfmpegRunner(new FfmpegLocator().locate());
            return new VideoAnalyzer(runner).analyze(video, progress, Cancellation.none());
        } catch (MediaException e) {
            throw new BadInputException(e.getMessage());
        }
    }

    static VideoProfile read(String input) throws BadInputException {
        return read(input, Progress.none());
    }

    /** As {@link #read(String)}, reporting how far the reading of a video is. */
    static VideoProfile read(String input, Progress progress) throws BadInputException {
        Path path = Path.of(input);
        if (!Files.isRegularFile(path)) throw new BadInputException("There is no file " + input + ".");
        if (!input.toLowerCase(Locale.ROOT).endsWith(".json")) {
            return analyse(path, progress);
        }
        try {
            VideoProfile p = new Gson().fromJson(Files.readString(path, StandardCharsets.UTF_8), VideoProfile.class);
            if (p == null || p.durationSec() <= 0 || p.cuts() == null) {
                throw new BadInputException(input + " is not a complete video profile: it needs durationSec and cuts.");
            }
            return p;
        } catch (JsonParseException e) {
            throw new BadInputException(input + " is not valid profile JSON: " + e.getMessage());
        } catch (IOException e) {
            throw new BadInputException("Cannot read " + input + ": " + e.getMessage());
        }
    }
}
