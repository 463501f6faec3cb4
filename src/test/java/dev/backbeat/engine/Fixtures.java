package dev.backbeat.engine;

import dev.backbeat.engine.media.Ffmpeg;
import dev.backbeat.engine.media.FfmpegLocator;
import dev.backbeat.engine.media.FfmpegRunner;
import dev.backbeat.engine.media.MediaException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/** Makes test media with the bundled FFmpeg (lavfi sources, the committed speech WAV): nothing is downloaded. */
public final class Fixtures {

    /**
     * Length of the committed speech, made once with
     * {@code espeak-ng -v en -s 160 -w raw.wav "The quick brown fox jumps over the lazy dog near the river bank today"}
     * and {@code ffmpeg -i raw.wav -af "silenceremove=start_periods=1:start_threshold=-50dB,areverse,
     * silenceremove=start_periods=1:start_threshold=-50dB,areverse" -ac 1 -ar 16000 -c:a pcm_s16le speech.wav}:
     * no silence at either end, no pause of 200 ms or more inside.
     */
    public static final double SPEECH_SEC = 4.11;

    private static Ffmpeg ffmpeg;

    private Fixtures() {
    }

    public static synchronized Ffmpeg ffmpeg() {
        if (ffmpeg == null) {
            try {
                ffmpeg = new FfmpegLocator().locate();
            } catch (MediaException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        }
        return ffmpeg;
    }

    public static FfmpegRunner runner() {
        return new FfmpegRunner(ffmpeg());
    }

    /** Runs ffmpeg with {@code args} (after -y -loglevel error) and fails the test with its message if it fails. */
    public static Path make(Path output, String... args) {
        List<String> all = new ArrayList<>(List.of("-nostdin", "-hide_banner", "-loglevel", "error", "-y"));
        all.addAll(List.of(args));
        all.add(output.toString());
        try {
            FfmpegRunner.Result r = runner().run(Ffmpeg.Tool.FFMPEG, all, 60);
            if (r.exitCode() != 0) {
                throw new IllegalStateException("ffmpeg failed making " + output + ": " + r.stderrText());
            }
        } catch (MediaException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
        return output;
    }

    /** The committed speech WAV, copied into {@code dir}. */
    public static Path speech(Path dir) {
        Path wav = dir.resolve("speech.wav");
        try (InputStream in = Fixtures.class.getResourceAsStream("/dev/backbeat/engine/speech.wav")) {
            Files.copy(in, wav, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return wav;
    }

    /** Whether this FFmpeg build has an encoder (the bundled one has no libtheora, for one). */
    public static boolean hasEncoder(String name) {
        try {
            FfmpegRunner.Result r = runner().run(Ffmpeg.Tool.FFMPEG, List.of("-hide_banner", "-encoders"), 30);
            return r.stdout().lines().anyMatch(l -> l.trim().split("\\s+").length > 1 && l.trim().split("\\s+")[1].equals(name));
        } catch (MediaException e) {
            return false;
        }
    }
}
