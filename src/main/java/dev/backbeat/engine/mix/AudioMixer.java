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
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Mixes the music bed with the clip's own sound: music at its volume, dipped under speech, the
 * original kept, lowered or replaced; the whole mix measured (BS.1770 integrated loudness) and
 * brought to the target, with a look-ahead limiter keeping peaks under the ceiling. The mix is
 * streamed straight into FFmpeg's AAC encoder (no mixed WAV is written), and the encoded sound is
 * decoded again and measured as a player will hear it: when limiting cost loudness the mix is
 * made again with a corrected gain, and when the encoder pushed a peak over -1.2 dBTP it is made
 * again with a lower ceiling. The clip's sound is read from a file decoded once (by the analysis
 * when it kept one, else here), so memory stays flat whatever the clip's length.
 */
public final class AudioMixer {
    public static final int RATE = 48_000;
    private static final int CHUNK = 8192;
    private static final double MAX_BOOST_DB = 30;
    private static final double STALL_SECONDS = 90;
    private static final double RELEASE_SEC = 0.15;

    /** The highest true peak an export may have (EBU R128 / streaming practice: -1 dBTP), with a small margin. */
    static final double MAX_TRUE_PEAK = -1.2;

    /** How far from the target the first try may land before the mix is made again (the check allows ±1 LU). */
    static final double LOUDNESS_TOLERANCE = 0.5;

    /**
     * AAC at 256 kb/s with FFmpeg's fast coder. At 192 kb/s the native encoder overshot a -2.5 dBTP
     * mix by up to 3 dB on dense material; the fast coder took half the time of the default
     * two-loop search on our mixes and kept their peaks within 0.3 dB (ebur128).
     */
    static final List<String> AAC = List.of("-c:a", "aac", "-aac_coder", "fast", "-b:a", "256k");

    private final FfmpegRunner runner;

    public AudioMixer(FfmpegRunner runner) {
        this.runner = runner;
    }

    /**
     * What was mixed: the encoded sound (AAC in an MP4 file), the loudness measured before any gain,
     * the gain applied, and the loudness and true peak of the encoded sound as decoded again.
     * {@code musicStem} and {@code originalStem} are null unless stems were asked for.
     */
    public record Result(Path audio, double durationSec, double measuredLufs, double gainDb, double lufs,
                         double truePeakDb, double musicGainDb, Path musicStem, Path originalStem, int passes,
                         boolean redone) {
    }

    /**
     * The encoded sound, with its check (decoded again and measured) running in the background so
     * the video can be written meanwhile. {@link #settle} waits for the check and, when the AAC
     * encoder pushed a peak over {@value #MAX_TRUE_PEAK} dBTP, encodes the sound again with the
     * limiter's ceiling lowered by the overshoot (a lower ceiling, not a lower gain: the loudness
     * stays on target) and checks it again.
     */
    public final class Mixed {
        private final Encoding enc;
        private final double measured;
        private final double gainDb;
        private final double musicGainDb;
        private final double ceiling;
        private final Path ownPcm;
        private final CompletableFuture<Object> check;
        private Result settled;

        private Mixed(Encoding enc, double measured, double gainDb, double musicGainDb, double ceiling, Path ownPcm) {
            this.enc = enc;
            this.measured = measured;
            this.gainDb = gainDb;
            this.musicGainDb = musicGainDb;
            this.ceiling = ceiling;
            this.ownPcm = ownPcm;
            this.check = CompletableFuture.supplyAsync(this::measure, CHECKS);
        }

        private Object measure() {
            try {
                return LoudnessCheck.measure(runner, enc.audio, enc.duration, enc.cancel);
            } catch (MediaException e) {
                return e;
            }
        }

        /** The encoded sound (AAC in an MP4 file); rewritten in place if {@link #settle} has to encode it again. */
        public Path audio() {
            return enc.audio;
        }

        public synchronized Result settle() throws MediaException {
            if (settled != null) {
                return settled;
            }
            try {
                LoudnessCheck.Reading reading = reading(check.join());
                boolean redone = false;
                double lowered = ceiling;
                double gain = gainDb;
                // each try lowers the ceiling by what the encoder still adds; the gain stays, so the
                // loudness stays close (heavier limiting costs a little of it on very dense material)
                for (int attempt = 0; attempt < 4 && reading.truePeakDb() > MAX_TRUE_PEAK; attempt++) {
                    lowered -= reading.truePeakDb() - MAX_TRUE_PEAK + 0.3;
                    enc.pass(gain, lowered, 0.8, 0.9);
                    reading = LoudnessCheck.measure(runner, enc.audio, enc.duration, enc.cancel);
                    redone = true;
                }
                if (reading.truePeakDb() > MAX_TRUE_PEAK) {
                    throw new MediaException(MediaException.Kind.FAILED, String.format(java.util.Locale.ROOT,
                            "The sound could not be brought under %.1f dBTP (it stays at %.1f after encoding)."
                                    + " Try a quieter loudness target.", MAX_TRUE_PEAK, reading.truePeakDb()));
                }
                settled = new Result(enc.audio, enc.duration, measured, gain, reading.lufs(), reading.truePeakDb(),
                        musicGainDb, enc.musicStem, enc.originalStem, enc.passes, redone);
                return settled;
            } finally {
                deletePcm();
            }
        }

        private void deletePcm() {
            if (ownPcm != null) {
                try {
                    Files.deleteIfExists(ownPcm);
                } catch (IOException ignored) {
                    // it is in the job's working folder, which goes too
                }
            }
        }

        private static LoudnessCheck.Reading reading(Object o) throws MediaException {
            if (o instanceof MediaException e) {
                throw e;
            }
            return (LoudnessCheck.Reading) o;
        }
    }

    private static final java.util.concurrent.Executor CHECKS = r -> {
        Thread t = new Thread(r, "backbeat-sound-check");
        t.setDaemon(true);
        t.start();
    };

    /** A clip's sound already decoded to 48 kHz stereo float PCM (raw, little-endian), or null to decode it here. */
    @FunctionalInterface
    public interface DecodedSound {
        Path of(ClipInfo clip);

        DecodedSound NONE = clip -> null;
    }

    /**
     * Mixes under clips played one after another (their sounds laid end to end, silence where one
     * has none) and encodes the result as AAC into a file in {@code workDir}.
     */
    public Mixed mix(List<ClipInfo> clips, DecodedSound decoded, float[][] music, List<DuckingEnvelope.Region> speech,
                     MixSettings s, Path workDir, Path stemsDir, Progress progress, Cancellation cancel)
            throws MediaException, IOException {
        double duration = clips.stream().mapToDouble(ClipInfo::durationSec).sum();
        long frames = Math.round(duration * RATE);
        boolean useOriginal = clips.stream().anyMatch(ClipInfo::hasAudio) && s.original() != MixSettings.Original.REPLACE;
        Path originalPcm = null;
        boolean ownPcm = false;
        boolean done = false;
        try {
            if (useOriginal) {
                Path ready = clips.size() == 1 ? decoded.of(clips.get(0)) : null;
                if (ready != null && Files.isRegularFile(ready)) {
                    originalPcm = ready;
                } else {
                    originalPcm = Files.createTempFile(workDir, "original", ".f32");
                    ownPcm = true;
                    decodeOriginals(clips, decoded, originalPcm, workDir, progress, cancel);
                }
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

            // one pass over the unscaled mix gives its loudness and peaks, from which the gain that
            // lands on the target after limiting is worked out before anything is encoded
            LimiterModel model = new LimiterModel();
            source.run((l, r, ml, mr, ol, or, n) -> model.accept(l, r, n), cancel);
            double measured = model.unlimitedLufs();
            double gainDb = model.gainFor(s.targetLufs(), s.ceilingDb(), RELEASE_SEC, MAX_BOOST_DB);
            progress.update(0.3, 0);

            Path audio = Files.createTempFile(workDir, "mix", ".m4a");
            Path musicStem = stemsDir == null ? null : stemsDir.resolve("music-bed.wav");
            Path originalStem = stemsDir == null || !useOriginal ? null : stemsDir.resolve("original-sound.wav");
            Encoding enc = new Encoding(source, audio, duration, musicStem, originalStem, progress, cancel);
            double ceiling = s.ceilingDb();
            double lufs = enc.pass(gainDb, ceiling, 0.3, 0.7);
            // limiting strong peaks (a voice close to the microphone) lowers the loudness: measure
            // again and correct, by the secant through the last two tries, at most twice
            double lastGain = 0;
            double lastLufs = 0;
            for (int attempt = 0; attempt < 2 && measured > -69 && Math.abs(s.targetLufs() - lufs) > LOUDNESS_TOLERANCE; attempt++) {
                double slope = attempt == 0 ? 1 : (lufs - lastLufs) / (gainDb - lastGain);
                lastGain = gainDb;
                lastLufs = lufs;
                gainDb = Math.min(MAX_BOOST_DB, gainDb + (s.targetLufs() - lufs) / Math.max(0.2, Math.min(1, slope)));
                lufs = enc.pass(gainDb, ceiling, 0.7, 0.8);
            }
            progress.update(1.0, 0);
            Mixed mixed = new Mixed(enc, measured, gainDb, musicGainDb, ceiling, ownPcm ? originalPcm : null);
            done = true;
            return mixed;
        } finally {
            if (ownPcm && !done) {
                Files.deleteIfExists(originalPcm);
            }
        }
    }

    /** Makes the mix at a gain and ceiling and streams it into FFmpeg's AAC encoder; counts its passes. */
    private final class Encoding {
        private final Source source;
        private final Path audio;
        private final double duration;
        private final Path musicStem;
        private final Path originalStem;
        private final Progress progress;
        private final Cancellation cancel;
        int passes;

        Encoding(Source source, Path audio, double duration, Path musicStem, Path originalStem, Progress progress,
                 Cancellation cancel) {
            this.source = source;
            this.audio = audio;
            this.duration = duration;
            this.musicStem = musicStem;
            this.originalStem = originalStem;
            this.progress = progress;
            this.cancel = cancel;
        }

        /** One pass; returns the loudness of the limited mix as it went into the encoder. */
        double pass(double gainDb, double ceilingDb, double from, double to) throws MediaException {
            passes++;
            LoudnessMeasure after = new LoudnessMeasure(false);
            List<String> args = new ArrayList<>(List.of("-nostdin", "-hide_banner", "-nostats", "-loglevel", "error",
                    "-progress", "pipe:2", "-f", "f32le", "-ar", Integer.toString(RATE), "-ac", "2", "-i", "pipe:0"));
            args.addAll(AAC);
            args.addAll(List.of("-f", "mp4", "-y", audio.toString()));
            FfmpegRunner.Result r = runner.run(Ffmpeg.Tool.FFMPEG, args, stdin -> {
                        InterleavedPcm sink = new InterleavedPcm(stdin);
                        writeMix(source, (float) Math.pow(10, gainDb / 20), ceilingDb, sink, after, musicStem, originalStem,
                                cancel);
                        sink.flush();
                    }, null, duration, (f, speed) -> progress.update(from + (to - from) * f, speed), cancel, STALL_SECONDS,
                    List.of(audio));
            if (r.exitCode() != 0) {
                String low = r.stderrText().toLowerCase(java.util.Locale.ROOT);
                throw new MediaException(MediaException.Kind.FAILED, low.contains("no space left")
                        ? "The disk holding Backbeat's working files (" + audio.getParent() + ") is full. Free some space and try again."
                        : "The sound could not be encoded: " + r.stderrText());
            }
            return after.integratedLufs();
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
    private void decodeOriginals(List<ClipInfo> clips, DecodedSound decoded, Path out, Path workDir, Progress progress,
                                 Cancellation cancel) throws MediaException, IOException {
        if (clips.size() == 1) {
            decodeOriginal(clips.get(0), out, progress, cancel);
            return;
        }
        try (var sink = new java.io.BufferedOutputStream(Files.newOutputStream(out), 1 << 16)) {
            for (ClipInfo c : clips) {
                long want = Math.round(c.durationSec() * RATE) * 8;
                long written = 0;
                Path ready = c.hasAudio() ? decoded.of(c) : null;
                if (ready != null && Files.isRegularFile(ready)) {
                    try (InputStream in = Files.newInputStream(ready)) {
                        written = copy(in, sink, want);
                    }
                } else if (c.hasAudio()) {
                    Path part = Files.createTempFile(workDir, "part", ".f32");
                    try {
                        decodeOriginal(c, part, Progress.none(), cancel);
                        try (InputStream in = Files.newInputStream(part)) {
                            written = copy(in, sink, want);
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

    private static long copy(InputStream in, OutputStream sink, long want) throws IOException {
        byte[] buf = new byte[1 << 16];
        long written = 0;
        int k;
        while (written < want && (k = in.read(buf, 0, (int) Math.min(buf.length, want - written))) > 0) {
            sink.write(buf, 0, k);
            written += k;
        }
        return written;
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

    private static void writeMix(Source source, float gain, double ceilingDb, PcmSink out, LoudnessMeasure after,
                                 Path musicStem, Path originalStem, Cancellation cancel) throws IOException, MediaException {
        PeakLimiter limiter = new PeakLimiter(ceilingDb, RATE, RELEASE_SEC);
        int latency = limiter.latency();
        try (FloatWavWriter ms = musicStem == null ? null : new FloatWavWriter(musicStem, RATE);
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
