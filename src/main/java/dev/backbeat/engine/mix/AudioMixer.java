package dev.backbeat.engine.mix;

import dev.backbeat.engine.media.Cancellation;
import dev.backbeat.engine.media.ClipInfo;
import dev.backbeat.engine.media.Ffmpeg;
import dev.backbeat.engine.media.FfmpegRunner;
import dev.backbeat.engine.media.MediaException;
import dev.backbeat.engine.media.MediaProbe;
import dev.backbeat.engine.media.Progress;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Mixes the music bed with the clip's own sound: music at its volume, dipped under speech, the
 * original kept, lowered or replaced; then the whole mix measured (BS.1770 integrated loudness)
 * and brought to the target, with a look-ahead limiter keeping peaks under the ceiling. The clip's
 * sound is decoded once to a temporary file and streamed through twice, so memory stays flat
 * whatever the clip's length.
 */
public final class AudioMixer {
    public static final int RATE = 48_000;
    private static final int CHUNK = 8192;
    private static final double MAX_BOOST_DB = 30;

    private final FfmpegRunner runner;

    public AudioMixer(FfmpegRunner runner) {
        this.runner = runner;
    }

    /**
     * What was mixed. {@code truePeakDb} is the limiter's ceiling, which the mix does not pass.
     * {@code musicStem} and {@code originalStem} are null unless stems were asked for.
     */
    public record Result(Path wav, double durationSec, double measuredLufs, double gainDb, double lufs,
                         double truePeakDb, double musicGainDb, Path musicStem, Path originalStem) {
    }

    public Result mix(ClipInfo clip, float[][] music, List<DuckingEnvelope.Region> speech, MixSettings s,
                      Path workDir, Path stemsDir, Progress progress, Cancellation cancel)
            throws MediaException, IOException {
        return mix(List.of(clip), music, speech, s, workDir, stemsDir, progress, cancel);
    }

    /** Mixes under clips played one after another: their sounds are laid end to end (silence where one has none). */
    public Result mix(List<ClipInfo> clips, float[][] music, List<DuckingEnvelope.Region> speech, MixSettings s,
                      Path workDir, Path stemsDir, Progress progress, Cancellation cancel)
            throws MediaException, IOException {
        double duration = clips.stream().mapToDouble(ClipInfo::durationSec).sum();
        long frames = Math.round(duration * RATE);
        boolean useOriginal = clips.stream().anyMatch(ClipInfo::hasAudio) && s.original() != MixSettings.Original.REPLACE;
        ClipInfo clip = clips.get(0);
        Path originalPcm = null;
        try {
            if (useOriginal) {
                originalPcm = Files.createTempFile(workDir, "original", ".f32");
                decodeOriginals(clips, originalPcm, workDir, progress, cancel);
            }
            cancel.throwIfCancelled();
            double musicGainDb = musicGainDb(music, s);
            double originalGainDb = s.original() == MixSettings.Original.LOWER ? s.originalGainDb() : 0;
            DuckingEnvelope duck = s.ducking() && useOriginal
                    ? DuckingEnvelope.of(speech, duration, s.duckDb(), 0.3, 0.6, 0.5)
                    : DuckingEnvelope.flat(duration);
            long[] joins = new long[Math.max(0, clips.size() - 1)];
            double at = 0;
            for (int i = 0; i < joins.length; i++) {
                at += clips.get(i).durationSec();
                joins[i] = Math.round(at * RATE);
            }
            Source source = new Source(music, originalPcm, frames, musicGainDb, originalGainDb, duck, joins);

            LoudnessMeasure before = new LoudnessMeasure(false);
            source.run((l, r, ml, mr, ol, or, n) -> before.accept(l, r, n), cancel);
            double measured = before.integratedLufs();
            double gainDb = measured <= -69 ? 0 : Math.min(MAX_BOOST_DB, s.targetLufs() - measured);
            progress.update(0.6, 0);

            Path wav = Files.createTempFile(workDir, "mix", ".wav");
            Path musicStem = stemsDir == null ? null : stemsDir.resolve("music-bed.wav");
            Path originalStem = stemsDir == null || !useOriginal ? null : stemsDir.resolve("original-sound.wav");
            // loudness only: the limiter holds the true peak, and the export measures the encoded result
            LoudnessMeasure after = new LoudnessMeasure(false);
            double lastGain = 0;
            double lastLufs = 0;
            writeMix(source, (float) Math.pow(10, gainDb / 20), s.ceilingDb(), wav, after, musicStem, originalStem, cancel);
            // limiting strong peaks (a voice close to the microphone) lowers the loudness: measure
            // again and correct, by the secant through the last two tries, at most twice
            double prevGain = gainDb;
            double prevLufs = after.integratedLufs();
            for (int attempt = 0; attempt < 2 && measured > -69 && Math.abs(s.targetLufs() - prevLufs) > 0.3; attempt++) {
                double slope = attempt == 0 ? 1 : (prevLufs - lastLufs) / (prevGain - lastGain);
                lastGain = prevGain;
                lastLufs = prevLufs;
                gainDb = Math.min(MAX_BOOST_DB, prevGain + (s.targetLufs() - prevLufs) / Math.max(0.2, Math.min(1, slope)));
                after = new LoudnessMeasure(false);
                writeMix(source, (float) Math.pow(10, gainDb / 20), s.ceilingDb(), wav, after, musicStem, originalStem, cancel);
                prevGain = gainDb;
                prevLufs = after.integratedLufs();
            }
            progress.update(1.0, 0);
            return new Result(wav, frames / (double) RATE, measured, gainDb, after.integratedLufs(), s.ceilingDb(),
                    musicGainDb, musicStem, originalStem);
        } finally {
            if (originalPcm != null) {
                Files.deleteIfExists(originalPcm);
            }
        }
    }

    /** The music bed is first brought to the target loudness, then set to its volume. */
    private static double musicGainDb(float[][] music, MixSettings s) {
        if (s.musicVolume() <= 0) {
            return -120;
        }
        LoudnessMeasure m = new LoudnessMeasure(false);
        m.accept(music[0], music[1], Math.min(music[0].length, music[1].length));
        double lufs = m.integratedLufs();
        double toTarget = lufs <= -69 ? 0 : s.targetLufs() - lufs;
        return toTarget + 20 * Math.log10(s.musicVolume());
    }

    /** Each clip's sound in turn, cut or padded with silence to the clip's exact length, into one raw file. */
    private void decodeOriginals(List<ClipInfo> clips, Path out, Path workDir, Progress progress, Cancellation cancel)
            throws MediaException, IOException {
        if (clips.size() == 1) {
            decodeOriginal(clips.get(0), out, progress, cancel);
            return;
        }
        try (var sink = new java.io.BufferedOutputStream(Files.newOutputStream(out), 1 << 16)) {
            for (ClipInfo c : clips) {
                long want = Math.round(c.durationSec() * RATE) * 8;
                long written = 0;
                if (c.hasAudio()) {
                    Path part = Files.createTempFile(workDir, "part", ".f32");
                    try {
                        decodeOriginal(c, part, Progress.none(), cancel);
                        try (InputStream in = Files.newInputStream(part)) {
                            byte[] buf = new byte[1 << 16];
                            int k;
                            while (written < want && (k = in.read(buf, 0, (int) Math.min(buf.length, want - written))) > 0) {
                                sink.write(buf, 0, k);
                                written += k;
                            }
                        }
                    } finally {
                        Files.deleteIfExists(part);
                    }
                }
                byte[] zeros = new byte[8192];
                while (written < want) {
                    int k = (int) Math.min(zeros.length, want - written);
                    sink.write(zeros, 0, k);
                    written += k;
                }
            }
        }
    }

    private void decodeOriginal(ClipInfo clip, Path out, Progress progress, Cancellation cancel) throws MediaException {
        List<String> args = List.of("-nostdin", "-hide_banner", "-nostats", "-loglevel", "error", "-progress", "pipe:2",
                "-i", MediaProbe.ffmpegInput(clip.path()), "-map", "0:a:0", "-vn", "-ac", "2", "-ar", Integer.toString(RATE),
                "-f", "f32le", "-y", out.toString());
        FfmpegRunner.Result r = runner.run(Ffmpeg.Tool.FFMPEG, args, null, clip.durationSec(),
                (f, speed) -> progress.update(0.3 * f, speed), cancel, 60, List.of(out));
        if (r.exitCode() != 0) {
            throw new MediaException(MediaException.Kind.FAILED,
                    "The clip's sound could not be read: " + MediaProbe.failureOf(clip.path().getFileName().toString(),
                            r.stderrText()).getMessage());
        }
    }

    private static void writeMix(Source source, float gain, double ceilingDb, Path wav, LoudnessMeasure after,
                                 Path musicStem, Path originalStem, Cancellation cancel) throws IOException, MediaException {
        PeakLimiter limiter = new PeakLimiter(ceilingDb, RATE, 0.15);
        int latency = limiter.latency();
        try (FloatWavWriter out = new FloatWavWriter(wav, RATE);
             FloatWavWriter ms = musicStem == null ? null : new FloatWavWriter(musicStem, RATE);
             FloatWavWriter os = originalStem == null ? null : new FloatWavWriter(originalStem, RATE)) {
            int[] toSkip = {latency};
            source.run((l, r, ml, mr, ol, or, n) -> {
                if (ms != null) {
                    scale(ml, mr, n, gain);
                    ms.write(ml, mr, n);
                }
                if (os != null) {
                    scale(ol, or, n, gain);
                    os.write(ol, or, n);
                }
                scale(l, r, n, gain);
                limiter.process(l, r, n);
                // the limiter's output lags by its look-ahead: drop that much silence from the front
                int from = Math.min(n, toSkip[0]);
                toSkip[0] -= from;
                if (from < n) {
                    float[] sl = java.util.Arrays.copyOfRange(l, from, n);
                    float[] sr = java.util.Arrays.copyOfRange(r, from, n);
                    after.accept(sl, sr, n - from);
                    out.write(sl, sr, n - from);
                }
            }, cancel);
            float[][] tail = limiter.flush();
            int keep = tail[0].length - Math.max(0, toSkip[0]);
            if (keep > 0) {
                float[] tl = java.util.Arrays.copyOfRange(tail[0], tail[0].length - keep, tail[0].length);
                float[] tr = java.util.Arrays.copyOfRange(tail[1], tail[1].length - keep, tail[1].length);
                after.accept(tl, tr, keep);
                out.write(tl, tr, keep);
            }
        }
    }

    private static void scale(float[] l, float[] r, int n, float g) {
        for (int i = 0; i < n; i++) {
            l[i] *= g;
            r[i] *= g;
        }
    }

    @FunctionalInterface
    private interface ChunkSink {
        void accept(float[] l, float[] r, float[] musicL, float[] musicR, float[] origL, float[] origR, int n)
                throws IOException;
    }

    /** The unscaled mix, chunk by chunk: music × volume × ducking + original × its gain, short fades at both ends. */
    private record Source(float[][] music, Path originalPcm, long frames, double musicGainDb, double originalGainDb,
                          DuckingEnvelope duck, long[] joins) {

        /** The clips' own sound fades out and in over 10 ms where one clip meets the next, so joins do not click. */
        float joinFade(long t) {
            long nearest = Long.MAX_VALUE;
            for (long j : joins) {
                nearest = Math.min(nearest, Math.abs(t - j));
            }
            long len = RATE / 100;
            return nearest >= len ? 1f : nearest / (float) len;
        }

        void run(ChunkSink sink, Cancellation cancel) throws IOException, MediaException {
            float mg = (float) Math.pow(10, musicGainDb / 20);
            float og = (float) Math.pow(10, originalGainDb / 20);
            float[] l = new float[CHUNK];
            float[] r = new float[CHUNK];
            float[] ml = new float[CHUNK];
            float[] mr = new float[CHUNK];
            float[] ol = new float[CHUNK];
            float[] or = new float[CHUNK];
            byte[] raw = new byte[CHUNK * 8];
            ByteBuffer bb = ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN);
            long fadeIn = RATE / 50;
            long fadeOut = RATE / 20;
            try (InputStream in = originalPcm == null ? null : new BufferedInputStream(Files.newInputStream(originalPcm), 1 << 16)) {
                DataInputStream data = in == null ? null : new DataInputStream(in);
                for (long pos = 0; pos < frames; pos += CHUNK) {
                    cancel.throwIfCancelled();
                    int n = (int) Math.min(CHUNK, frames - pos);
                    int got = data == null ? 0 : readFully(data, raw, n * 8) / 8;
                    bb.clear();
                    for (int i = 0; i < n; i++) {
                        long t = pos + i;
                        float g = mg * duck.gainAt(t / (double) RATE);
                        ml[i] = t < music[0].length ? music[0][(int) t] * g : 0;
                        mr[i] = t < music[1].length ? music[1][(int) t] * g : 0;
                        if (i < got) {
                            float j = joins.length == 0 ? 1f : joinFade(t);
                            ol[i] = bb.getFloat() * og * j;
                            or[i] = bb.getFloat() * og * j;
                        } else {
                            ol[i] = 0;
                            or[i] = 0;
                        }
                        float edge = t < fadeIn ? t / (float) fadeIn : frames - t < fadeOut ? (frames - t) / (float) fadeOut : 1f;
                        ml[i] *= edge;
                        mr[i] *= edge;
                        ol[i] *= edge;
                        or[i] *= edge;
                        l[i] = ml[i] + ol[i];
                        r[i] = mr[i] + or[i];
                    }
                    sink.accept(l, r, ml, mr, ol, or, n);
                }
            }
        }

        private static int readFully(DataInputStream in, byte[] buf, int len) throws IOException {
            int total = 0;
            while (total < len) {
                int k = in.read(buf, total, len - total);
                if (k < 0) {
                    break;
                }
                total += k;
            }
            return total;
        }
    }
}
