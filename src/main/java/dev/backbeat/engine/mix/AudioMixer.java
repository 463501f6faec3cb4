package dev.backbeat.engine.mix;

import dev.backbeat.engine.media.Cancellation;
import dev.backbeat.engine.media.ClipInfo;
import dev.backbeat.engine.media.Ffmpeg;
import dev.backbeat.engine.media.FfmpegRunner;
import dev.backbeat.engine.media.MediaException;
import dev.backbeat.engine.media.MediaProbe;
import dev.backbeat.engine.media.Progress;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Mixes the music bed with the clip's own sound: music at its volume, dipped under speech, the
 * original kept, lowered or replaced; the whole mix measured (BS.1770 integrated loudness) and
 * brought to the target, with a look-ahead limiter keeping peaks under the ceiling. The gain is
 * worked out before anything is encoded; the mix itself is made on demand, straight into FFmpeg
 * (no mixed WAV is written): fed to the process that writes the video when the picture is copied,
 * or encoded alone first when the picture is re-encoded. The written sound is then decoded again
 * and measured as a player will hear it: when limiting cost loudness the mix is made again with a
 * corrected gain, and when the encoder pushed a peak over -1.2 dBTP it is made again with a lower
 * ceiling. The clip's sound is read from a file decoded once (by the analysis when it kept one,
 * else here), so memory stays flat whatever the clip's length.
 */
public final class AudioMixer {
    public static final int RATE = 48_000;
    private static final int CHUNK = 8192;
    static final double MAX_BOOST_DB = 30;
    private static final double STALL_SECONDS = 90;
    static final double RELEASE_SEC = 0.15;

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

    /** How FFmpeg reads what {@link Mixed#feed} writes. */
    static final List<String> PCM_INPUT = List.of("-f", "f32le", "-ar", Integer.toString(RATE), "-ac", "2");

    private final FfmpegRunner runner;

    public AudioMixer(FfmpegRunner runner) {
        this.runner = runner;
    }

    /**
     * What was mixed: the loudness measured before any gain, the gain applied, the loudness and true
     * peak of the written sound as decoded again, how many times the mix was made, and whether the
     * check had to make it again. {@code musicStem} and {@code originalStem} are null unless stems
     * were asked for.
     */
    public record Result(double durationSec, double measuredLufs, double gainDb, double lufs, double truePeakDb,
                         double musicGainDb, Path musicStem, Path originalStem, int passes, boolean redone) {
    }

    /**
     * A mix ready to be made: its gain is worked out, the samples are made each time it is fed or
     * encoded, with the gain and ceiling its {@link SoundCheck} holds (the check corrects them when a
     * written pass misses). Close it to remove the working file it may hold.
     */
    public final class Mixed implements VideoExporter.Soundtrack.Live, AutoCloseable {
        private final Source source;
        private final double duration;
        private final double measured;
        private final double musicGainDb;
        private final Path workDir;
        private final Path ownPcm;
        private final Path musicStem;
        private final Path originalStem;
        private final Cancellation cancel;
        private final SoundCheck check;
        private int passes;
        private Path encoded;

        private Mixed(Source source, double duration, double measured, double gainDb, double musicGainDb, double ceiling,
                      double targetLufs, Path workDir, Path ownPcm, Path musicStem, Path originalStem, Cancellation cancel) {
            this.source = source;
            this.duration = duration;
            this.measured = measured;
            this.musicGainDb = musicGainDb;
            this.workDir = workDir;
            this.ownPcm = ownPcm;
            this.musicStem = musicStem;
            this.originalStem = originalStem;
            this.cancel = cancel;
            this.check = new SoundCheck(measured, gainDb, ceiling, targetLufs);
        }

        @Override
        public List<String> input() {
            return PCM_INPUT;
        }

        @Override
        public List<String> encoder() {
            return AAC;
        }

        @Override
        public double durationSec() {
            return duration;
        }

        @Override
        public SoundCheck check() {
            return check;
        }

        /** Makes the mix at the check's gain and ceiling and writes it (raw PCM, see {@link #input}); writes the stems too. */
        @Override
        public void feed(OutputStream out) throws IOException, MediaException {
            passes++;
            InterleavedPcm sink = new InterleavedPcm(out);
            writeMix(source, (float) Math.pow(10, check.gainDb() / 20), check.ceiling(), sink, musicStem, originalStem, cancel);
            sink.flush();
        }

        /** Encodes the mix alone into an AAC file in the working folder (the same file each time). */
        @Override
        public Path encode(Progress progress, Cancellation cancellation) throws MediaException {
            try {
                if (encoded == null) {
                    encoded = Files.createTempFile(workDir, "mix", ".m4a");
                }
            } catch (IOException e) {
                throw new MediaException(MediaException.Kind.FAILED, "Backbeat could not write its working files in "
                        + workDir + ": " + e.getMessage(), e);
            }
            List<String> args = new ArrayList<>(List.of("-nostdin", "-hide_banner", "-nostats", "-loglevel", "error",
                    "-progress", "pipe:2"));
            args.addAll(PCM_INPUT);
            args.addAll(List.of("-i", "pipe:0"));
            args.addAll(AAC);
            args.addAll(List.of("-f", "mp4", "-y", encoded.toString()));
            FfmpegRunner.Result r = runner.run(Ffmpeg.Tool.FFMPEG, args, this::feed, null, duration, progress, cancellation,
                    STALL_SECONDS, List.of(encoded));
            if (r.exitCode() != 0) {
                String low = r.stderrText().toLowerCase(java.util.Locale.ROOT);
                throw new MediaException(MediaException.Kind.FAILED, low.contains("no space left")
                        ? "The disk holding Backbeat's working files (" + workDir + ") is full. Free some space and try again."
                        : "The sound could not be encoded: " + r.stderrText());
            }
            return encoded;
        }

        /** What was mixed, once the check accepted a written pass. */
        public Result result() {
            LoudnessCheck.Reading taken = check.accepted();
            if (taken == null) {
                throw new IllegalStateException("the mix has not been checked yet");
            }
            return new Result(duration, measured, check.gainDb(), taken.lufs(), taken.truePeakDb(), musicGainDb, musicStem,
                    originalStem, passes, check.redone());
        }

        @Override
        public void close() {
            for (Path p : new Path[] {ownPcm, encoded}) {
                if (p != null) {
                    try {
                        Files.deleteIfExists(p);
                    } catch (IOException ignored) {
                        // it is in the job's working folder, which goes too
                    }
                }
            }
        }
    }

    /** A clip's sound already decoded to 48 kHz stereo float PCM (raw, little-endian), or null to decode it here. */
    @FunctionalInterface
    public interface DecodedSound {
        Path of(ClipInfo clip);

        DecodedSound NONE = clip -> null;
    }

    /**
     * Prepares the mix under clips played one after another (their sounds laid end to end, silence
     * where one has none): reads it once, unscaled, to work out the gain that lands on the target
     * after limiting. Nothing is encoded yet.
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
            DuckingEnvelope duck = duck(speech, duration, s, useOriginal);
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
            progress.update(1.0, 0);

            Path musicStem = stemsDir == null ? null : stemsDir.resolve("music-bed.wav");
            Path originalStem = stemsDir == null || !useOriginal ? null : stemsDir.resolve("original-sound.wav");
            Mixed mixed = new Mixed(source, duration, measured, gainDb, musicGainDb, s.ceilingDb(), s.targetLufs(), workDir,
                    ownPcm ? originalPcm : null, musicStem, originalStem, cancel);
            done = true;
            return mixed;
        } finally {
            if (ownPcm && !done) {
                Files.deleteIfExists(originalPcm);
            }
        }
    }

    /** The music's dip under speech (300 ms attack, 600 ms release, gaps under 0.5 s bridged), flat when nothing is kept to duck under. */
    static DuckingEnvelope duck(List<DuckingEnvelope.Region> speech, double duration, MixSettings s, boolean useOriginal) {
        return s.ducking() && useOriginal
                ? DuckingEnvelope.of(speech, duration, s.duckDb(), 0.3, 0.6, 0.5)
                : DuckingEnvelope.flat(duration);
    }

    /** The music bed is first brought to the target loudness, then set to its volume. */
    /** The gain on the rendered music: to the mix's target loudness, then down to the chosen volume (the preview uses it too). */
    public static double musicGainDb(float[][] music, MixSettings s) {
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

    private static void writeMix(Source source, float gain, double ceilingDb, PcmSink out, Path musicStem, Path originalStem, Cancellation cancel) throws IOException, MediaException {
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
                if (from == 0) {
                    out.write(l, r, n);
                } else if (from < n) {
                    out.write(java.util.Arrays.copyOfRange(l, from, n), java.util.Arrays.copyOfRange(r, from, n), n - from);
                }
            }, cancel);
            float[][] tail = limiter.flush();
            int keep = tail[0].length - Math.max(0, toSkip[0]);
            if (keep > 0) {
                float[] tl = java.util.Arrays.copyOfRange(tail[0], tail[0].length - keep, tail[0].length);
                float[] tr = java.util.Arrays.copyOfRange(tail[1], tail[1].length - keep, tail[1].length);
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
            long fadeIn = RATE / 50;
            long fadeOut = RATE / 20;
            try (InputStream in = originalPcm == null ? null : Files.newInputStream(originalPcm)) {
                StereoPcmReader pcm = in == null ? null : new StereoPcmReader(in);
                int held = 0;
                int used = 0;
                for (long pos = 0; pos < frames; pos += CHUNK) {
                    cancel.throwIfCancelled();
                    int n = (int) Math.min(CHUNK, frames - pos);
                    // the clip's own sound for this chunk, as far as there is any
                    int got = 0;
                    while (pcm != null && got < n) {
                        if (used == held) {
                            held = pcm.next();
                            used = 0;
                            if (held == 0) {
                                pcm = null;
                                break;
                            }
                        }
                        int k = Math.min(n - got, held - used);
                        System.arraycopy(pcm.left, used, ol, got, k);
                        System.arraycopy(pcm.right, used, or, got, k);
                        used += k;
                        got += k;
                    }
                    float mLen = music[0].length;
                    for (int i = 0; i < n; i++) {
                        long t = pos + i;
                        float g = mg * duck.gainAt(t / (double) RATE);
                        ml[i] = t < mLen ? music[0][(int) t] * g : 0;
                        mr[i] = t < mLen ? music[1][(int) t] * g : 0;
                        if (i < got) {
                            float j = joins.length == 0 ? og : og * joinFade(t);
                            ol[i] *= j;
                            or[i] *= j;
                        } else {
                            ol[i] = 0;
                            or[i] = 0;
                        }
                        if (t < fadeIn || frames - t < fadeOut) {
                            float edge = t < fadeIn ? t / (float) fadeIn : (frames - t) / (float) fadeOut;
                            ml[i] *= edge;
                            mr[i] *= edge;
                            ol[i] *= edge;
                            or[i] *= edge;
                        }
                        l[i] = ml[i] + ol[i];
                        r[i] = mr[i] + or[i];
                    }
                    sink.accept(l, r, ml, mr, ol, or, n);
                }
            }
        }
    }
}
