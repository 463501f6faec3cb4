package dev.backbeat.engine.mix;

import dev.backbeat.engine.media.Cancellation;
import dev.backbeat.engine.media.Ffmpeg;
import dev.backbeat.engine.media.FfmpegRunner;
import dev.backbeat.engine.media.MediaException;
import dev.backbeat.engine.media.MediaProbe;
import dev.backbeat.engine.media.Progress;

import java.nio.file.Path;
import java.util.List;

/**
 * Measures the sound of a finished file as a player will hear it (the AAC decoded again):
 * integrated loudness and true peak. The encoder can push peaks up a little, so the export checks
 * its own result and corrects it.
 */
final class LoudnessCheck {
    private LoudnessCheck() {
    }

    record Reading(double lufs, double truePeakDb) {
    }

    static Reading measure(FfmpegRunner runner, Path file, double durationSec, Cancellation cancel) throws MediaException {
        LoudnessMeasure m = new LoudnessMeasure();
        FfmpegRunner.Result r = runner.run(Ffmpeg.Tool.FFMPEG, List.of("-nostdin", "-hide_banner", "-nostats", "-loglevel",
                        "error", "-progress", "pipe:2", "-i", MediaProbe.ffmpegInput(file), "-map", "0:a:0", "-ac", "2",
                        "-ar", "48000", "-f", "f32le", "pipe:1"),
                in -> accept(m, in), durationSec, Progress.none(), cancel, 60, List.of());
        if (r.exitCode() != 0) {
            throw new MediaException(MediaException.Kind.FAILED, "The exported sound could not be checked: " + r.stderrText());
        }
        return new Reading(m.integratedLufs(), m.truePeakDb());
    }

    /** Measures 48 kHz stereo float PCM (raw, little-endian) read to its end. */
    static Reading measure(java.io.InputStream pcm) throws java.io.IOException {
        LoudnessMeasure m = new LoudnessMeasure();
        accept(m, pcm);
        return new Reading(m.integratedLufs(), m.truePeakDb());
    }

    private static void accept(LoudnessMeasure m, java.io.InputStream in) throws java.io.IOException {
        StereoPcmReader pcm = new StereoPcmReader(in);
        for (int n; (n = pcm.next()) > 0; ) {
            m.accept(pcm.left, pcm.right, n);
        }
    }

}
