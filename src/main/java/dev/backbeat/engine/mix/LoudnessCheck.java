package dev.backbeat.engine.mix;

import dev.backbeat.engine.media.Cancellation;
import dev.backbeat.engine.media.Ffmpeg;
import dev.backbeat.engine.media.FfmpegRunner;
import dev.backbeat.engine.media.MediaException;
import dev.backbeat.engine.media.MediaProbe;
import dev.backbeat.engine.media.Progress;

import java.io.DataInputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
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
                in -> {
                    DataInputStream data = new DataInputStream(new java.io.BufferedInputStream(in, 1 << 16));
                    byte[] raw = new byte[8 * 4096];
                    float[] l = new float[4096];
                    float[] rr = new float[4096];
                    ByteBuffer bb = ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN);
                    while (true) {
                        int got = 0;
                        while (got < raw.length) {
                            int k = data.read(raw, got, raw.length - got);
                            if (k < 0) {
                                break;
                            }
                            got += k;
                        }
                        int n = got / 8;
                        bb.clear();
                        for (int i = 0; i < n; i++) {
                            l[i] = bb.getFloat();
                            rr[i] = bb.getFloat();
                        }
                        m.accept(l, rr, n);
                        if (got < raw.length) {
                            break;
                        }
                    }
                }, durationSec, Progress.none(), cancel, 60, List.of());
        if (r.exitCode() != 0) {
            throw new MediaException(MediaException.Kind.FAILED, "The exported sound could not be checked: " + r.stderrText());
        }
        return new Reading(m.integratedLufs(), m.truePeakDb());
    }

}
