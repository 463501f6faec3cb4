package dev.backbeat.engine.analysis;

import dev.backbeat.engine.analysis.VideoProfile.Cut;
import dev.backbeat.engine.media.Cancellation;
import dev.backbeat.engine.media.ClipInfo;
import dev.backbeat.engine.media.Ffmpeg;
import dev.backbeat.engine.media.FfmpegRunner;
import dev.backbeat.engine.media.MediaException;
import dev.backbeat.engine.media.MediaProbe;
import dev.backbeat.engine.media.Progress;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads a clip once and says what is in it. One ffmpeg process decodes the file, writes tiny RGB
 * frames (96x54) to a pipe that is measured frame by frame, and the sound as 16 kHz mono PCM to a
 * temporary file measured afterwards; nothing keeps more than a few frames in memory.
 */
public final class VideoAnalyzer {

    public static final double STEP_SEC = 0.25;
    static final int WIDTH = 96;
    static final int HEIGHT = 54;
    static final int SAMPLE_RATE = 16000;
    private static final double STALL_SECONDS = 45;

    private final FfmpegRunner runner;
    private final MediaProbe probe;
    private String scaleFlags = "fast_bilinear";
    private boolean skipLoopFilter = true;
    private boolean acceptDamage;
    private long lastPeakRssKb;
    private StreamDamage lastDamage;
    private double lastFfmpegCpuSec;

    public VideoAnalyzer(FfmpegRunner runner) {
        this.runner = runner;
        this.probe = new MediaProbe(runner);
    }

    /** The swscale algorithm for the downscale (the benchmark compares them). */
    public VideoAnalyzer scaleFlags(String flags) {
        this.scaleFlags = flags;
        return this;
    }

    /**
     * Whether H.264/HEVC/VP9 deblocking is skipped while decoding. Every frame is still decoded (cuts
     * stay frame-accurate); only fine block edges differ, which a 96x54 picture cannot show.
     */
    public VideoAnalyzer skipLoopFilter(boolean skip) {
        this.skipLoopFilter = skip;
        return this;
    }

    /**
     * Whether a damaged file (streams that end early, many decoding errors) is scored as far as it
     * goes: its profile then lasts only as long as its picture. Otherwise the reading stops with a
     * {@link MediaException.Kind#DAMAGED} that says what is wrong and what can be done.
     */
    public VideoAnalyzer acceptDamage(boolean accept) {
        this.acceptDamage = accept;
        return this;
    }

    /** The last run's ffmpeg peak memory, in kB (0 if unknown). */
    public long lastFfmpegPeakRssKb() {
        return lastPeakRssKb;
    }

    /** What the last run found wrong with its file (accepted or not), or null for a whole file. */
    public StreamDamage lastDamage() {
        return lastDamage;
    }

    /** The last run's ffmpeg CPU time, in seconds. */
    public double lastFfmpegCpuSec() {
        return lastFfmpegCpuSec;
    }

    /**
     * What the same decoding pass may also write, for later stages: the clip's sound as 48 kHz
     * stereo float PCM (raw, little-endian) and a preview frame (JPEG, 640 px wide, a third of the
     * way in). Either may be null. A file that could not be written completely is removed.
     */
    public record Extras(Path sound, Path thumbnail) {
        public static final Extras NONE = new Extras(null, null);
    }

    public VideoProfile analyze(Path input, Progress progress, Cancellation cancellation) throws MediaException {
        return analyze(probe.probe(input), Extras.NONE, progress, cancellation);
    }

    /** Analyses a clip already probed, writing the extras asked for in the same pass. */
    public VideoProfile analyze(ClipInfo info, Extras extras, Progress progress, Cancellation cancellation)
            throws MediaException {
        Path pcm = null;
        Path times = null;
        try {
            if (info.hasAudio()) {
                pcm = dev.backbeat.engine.media.TempFiles.file("sound", ".pcm");
            }
            times = Files.createTempFile("backbeat-frame-times-", ".txt");
            return analyze(info.path(), info, pcm, times, extras, progress, cancellation);
        } catch (IOException e) {
            throw new MediaException(MediaException.Kind.FAILED, "The analysis could not use a temporary file ("
                    + e.getMessage() + "). Check that the temporary folder has free space.", e);
        } finally {
            for (Path p : new Path[] {pcm, times}) {
                if (p != null) {
                    try {
                        Files.deleteIfExists(p);
                    } catch (IOException ignored) {
                        // a stray temp file is harmless
                    }
                }
            }
        }
    }

    private VideoProfile analyze(Path input, ClipInfo info, Path pcm, Path times, Extras extras, Progress progress,
                                 Cancellation cancellation) throws MediaException, IOException {
        double fps = info.fps();
        CutDetector cuts = new CutDetector(fps);
        SoftTransitionFinder soft = new SoftTransitionFinder(fps);
        MotionMeter motionMeter = new MotionMeter();
        ShotColours colours = new ShotColours();
        FfmpegRunner.OutputReader frames = stdout -> readFrames(stdout, cancellation, cuts, soft, motionMeter, colours);
        Path sound = info.hasAudio() ? extras.sound() : null;
        List<Path> partial = new ArrayList<>();
        for (Path p : new Path[] {pcm, sound, extras.thumbnail()}) {
            if (p != null) {
                partial.add(p);
            }
        }
        FfmpegRunner.Result result = runner.run(Ffmpeg.Tool.FFMPEG, arguments(info, times, pcm, sound, extras.thumbnail()), frames, info.durationSec(),
                (f, speed) -> progress.update(0.95 * f, speed), cancellation, STALL_SECONDS, partial);
        lastPeakRssKb = result.peakRssKb();
        lastFfmpegCpuSec = result.cpuSec();
        String name = input.getFileName() == null ? input.toString() : input.getFileName().toString();
        if (cuts.frameCount() == 0) {
            if (result.exitCode() != 0) {
                throw MediaProbe.failureOf(name, result.stderrText());
            }
            throw new MediaException(MediaException.Kind.CORRUPT, "No picture could be decoded from \"" + name
                    + "\": the file is probably damaged. Use a complete copy.");
        }
        LoudnessMeter loudnessMeter = new LoudnessMeter(SAMPLE_RATE);
        SpeechDetector speechDetector = new SpeechDetector(SAMPLE_RATE);
        long samples = pcm != null && result.exitCode() == 0 ? SoundReader.read(pcm, loudnessMeter, speechDetector) : 0;
        cancellation.throwIfCancelled();

        FrameClock clock = FrameClock.read(times, cuts.frameCount(), fps);
        double videoSec = clock.endSec();
        double duration = info.durationSec() > 0 ? info.durationSec() : Math.max(videoSec, samples / (double) SAMPLE_RATE);
        // the same pass tells whether the file holds what it says: a download cut short keeps its
        // index at the front, so the probe sees the whole length while the streams stop early
        double soundSec = pcm == null ? -1 : result.exitCode() == 0 ? samples / (double) SAMPLE_RATE
                : Files.isRegularFile(pcm) ? Files.size(pcm) / 2.0 / SAMPLE_RATE : -1;
        java.util.Optional<StreamDamage> damage = StreamDamage.judge(info, videoSec, soundSec,
                (int) Math.min(Integer.MAX_VALUE, result.messageLines()));
        lastDamage = damage.orElse(null);
        if (damage.isPresent()) {
            if (!acceptDamage || damage.get().tooLittleLeft()) {
                for (Path p : partial) {
                    Files.deleteIfExists(p);
                }
                // with too little left there is no choice to offer: the file is simply unusable
                throw new MediaException(damage.get().tooLittleLeft() ? MediaException.Kind.CORRUPT : MediaException.Kind.DAMAGED,
                        damage.get().describe(name) + " " + damage.get().choice());
            }
            duration = Math.min(duration, damage.get().usableSec());
        }
        int steps = Math.max(1, (int) Math.ceil(duration / STEP_SEC - 1e-9));

        // A fade is many small steps; where one was found, the hard-cut detector's hits inside it are
        // steps of the fade (a coarse histogram jumps as colours cross its bins), not cuts.
        List<double[]> softSpans = soft.finish();
        List<Cut> allCuts = new ArrayList<>();
        Set<Integer> changeFrames = new HashSet<>();
        List<Integer> hardFrames = new ArrayList<>();
        for (double[] c : cuts.finish()) {
            int frame = (int) c[0];
            if (softSpans.stream().anyMatch(s -> frame > s[0] && frame <= s[1])) {
                continue;
            }
            allCuts.add(new Cut(clock.time(frame), frame, c[1], false, 0));
            changeFrames.add(frame);
            hardFrames.add(frame);
        }
        for (double[] s : softSpans) {
            int from = (int) s[0];
            int to = (int) s[1];
            int mid = (from + to + 1) / 2;
            allCuts.add(new Cut(clock.time(mid), mid, Math.min(1, 3 * s[2]), true, clock.time(to) - clock.time(from)));
        }
        allCuts.sort(Comparator.comparingDouble(Cut::timeSec));

        double[] motion = motionMeter.motion(changeFrames, clock, STEP_SEC, steps);
        List<VideoProfile.Shot> shots = colours.shots(hardFrames, clock, duration, motion, STEP_SEC);
        double[] loudness = pcm != null ? loudnessMeter.momentary(STEP_SEC, steps) : silentCurve(steps);
        List<VideoProfile.Interval> speech = speechDetector.speech();
        List<VideoProfile.Interval> silence = pcm != null ? speechDetector.silence(duration)
                : List.of(new VideoProfile.Interval(0, duration));
        double[] arousal = ArousalCurve.compute(motion, shots, loudness, info.hasAudio(), STEP_SEC);
        VideoProfile.Mood mood = MoodEstimator.estimate(shots, arousal, motion, speech, duration);
        progress.update(1.0, 0);
        return new VideoProfile(input.toString(), duration, fps, info.displayWidth(), info.displayHeight(),
                info.hasAudio(), allCuts, STEP_SEC, motion, MotionMeter.visualBeats(motion, STEP_SEC), shots, arousal,
                loudness, speech, silence, mood);
    }

    private List<String> arguments(ClipInfo info, Path times, Path pcm, Path sound, Path thumbnail) {
        // Every decoded frame is kept with the time the decoder gives it (FrameClock): no resampling
        // to an even grid, whose rounding and whose idea of the rate drift on joined or variable-rate files.
        String filter = "scale=" + WIDTH + ":" + HEIGHT + ":flags=" + scaleFlags + "," + FrameClock.printFilter(times);
        List<String> args = new ArrayList<>(List.of("-nostdin", "-hide_banner", "-nostats", "-loglevel", "error",
                "-progress", "pipe:2"));
        if (skipLoopFilter) {
            args.addAll(List.of("-skip_loop_filter", "all"));
        }
        // one decoding thread per core: FFmpeg's default (one more) made a 1080p decode on 2 cores
        // about 8 % slower, the extra thread fighting the others and our own reading of the frames
        // -reinit_filter 0: a picture size change mid-file (shots of different sizes joined by a concat
        // tool) is taken by the scale filter; rebuilding the graph would restart the file of frame times
        args.addAll(List.of("-threads", Integer.toString(Runtime.getRuntime().availableProcessors()),
                "-reinit_filter:v", "0", "-i", MediaProbe.ffmpegInput(info.path()),
                "-map", "0:v:0", "-vf", filter, "-pix_fmt", "rgb24", "-fps_mode", "passthrough",
                "-f", "rawvideo", "pipe:1"));
        if (pcm != null) {
            args.addAll(List.of("-map", "0:a:0", "-ac", "1", "-ar", Integer.toString(SAMPLE_RATE),
                    "-c:a", "pcm_s16le", "-f", "s16le", "-y", "file:" + pcm.toAbsolutePath()));
        }
        if (sound != null) {
            args.addAll(List.of("-map", "0:a:0", "-ac", "2", "-ar", "48000", "-c:a", "pcm_f32le", "-f", "f32le", "-y",
                    "file:" + sound.toAbsolutePath()));
        }
        if (thumbnail != null) {
            // the first frame a third of the way in: the pass decodes it anyway
            double at = Math.max(0, Math.min(info.durationSec() - 0.1, info.durationSec() / 3));
            args.addAll(List.of("-map", "0:v:0", "-vf", String.format(Locale.ROOT, "select='gte(t,%.3f)',scale=640:-2", at),
                    "-frames:v", "1", "-q:v", "4", "-f", "image2", "-y", "file:" + thumbnail.toAbsolutePath()));
        }
        return args;
    }

    private static void readFrames(InputStream stdout, Cancellation cancellation, CutDetector cuts,
                                   SoftTransitionFinder soft, MotionMeter motion, ShotColours colours)
            throws IOException, MediaException {
        byte[] rgb = new byte[WIDTH * HEIGHT * 3];
        byte[] previous = null;
        while (stdout.readNBytes(rgb, 0, rgb.length) == rgb.length) {
            cancellation.throwIfCancelled();
            FrameFeatures frame = new FrameFeatures(rgb, WIDTH, HEIGHT);
            frame.change = previous == null ? 0 : FrameFeatures.lumaDifference(previous, frame.luma);
            previous = frame.luma;
            cuts.accept(frame);
            soft.accept(frame);
            motion.accept(frame);
            colours.accept(frame);
        }
    }

    private static double[] silentCurve(int steps) {
        double[] curve = new double[steps];
        java.util.Arrays.fill(curve, LoudnessMeter.SILENCE_LUFS);
        return curve;
    }
}
