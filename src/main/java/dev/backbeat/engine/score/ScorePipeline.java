package dev.backbeat.engine.score;

import dev.backbeat.engine.analysis.VideoAnalyzer;
import dev.backbeat.engine.analysis.VideoProfile;
import dev.backbeat.engine.compose.Brief;
import dev.backbeat.engine.compose.Composer;
import dev.backbeat.engine.compose.Composition;
import dev.backbeat.engine.compose.MidiWriter;
import dev.backbeat.engine.media.Cancellation;
import dev.backbeat.engine.media.ClipInfo;
import dev.backbeat.engine.media.FfmpegRunner;
import dev.backbeat.engine.media.MediaException;
import dev.backbeat.engine.media.MediaProbe;
import dev.backbeat.engine.media.Progress;
import dev.backbeat.engine.mix.AudioMixer;
import dev.backbeat.engine.mix.DuckingEnvelope;
import dev.backbeat.engine.mix.ExportException;
import dev.backbeat.engine.mix.MixSettings;
import dev.backbeat.engine.mix.VideoExporter;
import dev.backbeat.engine.synth.MusicRenderer;
import dev.backbeat.engine.synth.RenderedMusic;
import dev.backbeat.engine.synth.SoundFontLoader;

import javax.sound.midi.Sequence;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The local engine's whole job for one clip, stage by stage: read the footage, compose music
 * that fits it, render the music, mix it under the clip's sound, and write the MP4. The CLI and the
 * local back end both drive it; each stage's time is kept for the benchmark.
 */
public final class ScorePipeline {
    private final FfmpegRunner runner;
    /** Stages may run side by side (the preview frame is made while the music is composed). */
    private final Map<String, Double> timings = java.util.Collections.synchronizedMap(new LinkedHashMap<>());

    public ScorePipeline(FfmpegRunner runner) {
        this.runner = runner;
    }

    /** Seconds spent in each stage so far, in order. */
    public Map<String, Double> timings() {
        synchronized (timings) {
            return Map.copyOf(timings);
        }
    }

    public Map<String, Double> orderedTimings() {
        synchronized (timings) {
            return new LinkedHashMap<>(timings);
        }
    }

    private <T> T timed(String stage, Stage<T> work) throws MediaException, ExportException, IOException {
        long t0 = System.nanoTime();
        try {
            return work.run();
        } finally {
            timings.merge(stage, (System.nanoTime() - t0) / 1e9, Double::sum);
        }
    }

    @FunctionalInterface
    private interface Stage<T> {
        T run() throws MediaException, ExportException, IOException;
    }

    public ClipInfo probe(Path input) throws MediaException {
        try {
            return timed("probe", () -> new MediaProbe(runner).probe(input));
        } catch (ExportException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Analyses a clip already probed, writing in the same pass the extras asked for (its sound for the mix, a preview frame). */
    public VideoProfile analyze(ClipInfo info, VideoAnalyzer.Extras extras, Progress progress, Cancellation cancel)
            throws MediaException {
        return analyze(info, extras, false, progress, cancel);
    }

    /**
     * As {@link #analyze(ClipInfo, VideoAnalyzer.Extras, Progress, Cancellation)}; with {@code asItIs} a
     * damaged file is read as far as it goes instead of refused (see {@link VideoAnalyzer#acceptDamage}).
     */
    public VideoProfile analyze(ClipInfo info, VideoAnalyzer.Extras extras, boolean asItIs, Progress progress,
                                Cancellation cancel) throws MediaException {
        try {
            return timed("analyse", () -> new VideoAnalyzer(runner).acceptDamage(asItIs).analyze(info, extras, progress, cancel));
        } catch (ExportException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A frame of the clip for the preview; false when none could be made. */
    public boolean thumbnail(ClipInfo clip, Path out) throws MediaException {
        try {
            return timed("thumbnail", () -> new dev.backbeat.engine.media.Thumbnailer(runner).write(clip, out));
        } catch (ExportException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Composes and renders the music for a profile; a cancel stops the synthesis within a tenth of a second of sound. */
    public Music compose(VideoProfile profile, Brief brief, Cancellation cancel) throws MediaException {
        return compose(profile, brief, cancel, () -> { });
    }

    /** As {@link #compose(VideoProfile, Brief, Cancellation)}, saying when the notes are written and the rendering starts. */
    public Music compose(VideoProfile profile, Brief brief, Cancellation cancel, Runnable rendering) throws MediaException {
        long t0 = System.nanoTime();
        Composition c = new Composer().compose(profile, brief);
        Sequence seq = new MidiWriter().write(c.score(), c.key());
        timings.merge("compose", (System.nanoTime() - t0) / 1e9, Double::sum);
        rendering.run();
        long t1 = System.nanoTime();
        // the mix only: stems of a long piece would not fit a modest memory budget
        RenderedMusic audio;
        try {
            audio = new RenderedMusic(new MusicRenderer(SoundFontLoader.load(), Runtime.getRuntime().availableProcessors())
                    .renderMix(seq, c.plan().durationSec(), c.plan().levelDb(), cancel::isCancelled,
                            dev.backbeat.engine.produce.Production.of(c.plan())), java.util.Map.of());
        } catch (java.util.concurrent.CancellationException e) {
            throw new MediaException(MediaException.Kind.CANCELLED, "Cancelled.");
        }
        timings.merge("synthesise", (System.nanoTime() - t1) / 1e9, Double::sum);
        return new Music(c, seq, audio);
    }

    /**
     * A composed and rendered piece, or the user's song fitted to the footage ({@code song} not
     * null: its samples are the audio, and the plan carries the song's grid).
     */
    public record Music(Composition composition, Sequence midi, RenderedMusic audio,
                        dev.backbeat.engine.song.FittedSong song) {
        public Music(Composition composition, Sequence midi, RenderedMusic audio) {
            this(composition, midi, audio, null);
        }
    }

    /** Reads the user's song once: decoded into {@code pcmOut} (the caller's to remove) and analysed. */
    public dev.backbeat.engine.song.Song readSong(Path song, Path pcmOut, Progress progress, Cancellation cancel)
            throws MediaException {
        try {
            return timed("song", () -> new dev.backbeat.engine.song.SongAnalyzer(runner).analyze(song, pcmOut, progress, cancel));
        } catch (ExportException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The user's song in place of composed music: fitted to the footage's length, with a plan
     * composed (notes only, nothing rendered) for the map of sections, rewritten to the song's grid.
     */
    public Music song(VideoProfile profile, Brief brief, dev.backbeat.engine.song.Song song) throws MediaException {
        long t0 = System.nanoTime();
        Composition c = new Composer().compose(profile, brief);
        dev.backbeat.engine.song.FittedSong fit;
        try {
            fit = new dev.backbeat.engine.song.SongFitter().fit(song, profile.durationSec());
        } catch (IOException e) {
            throw new MediaException(MediaException.Kind.FAILED, "The song's decoded sound could not be read again: "
                    + e.getMessage() + ". Add the song again.", e);
        }
        Composition fitted = new Composition(dev.backbeat.engine.song.SongPlan.of(c.plan(), fit), c.score(), c.key(), c.chords());
        timings.merge("fit song", (System.nanoTime() - t0) / 1e9, Double::sum);
        return new Music(fitted, null, new RenderedMusic(fit.pcm(), java.util.Map.of()), fit);
    }

    public AudioMixer.Mixed mix(List<ClipInfo> clips, AudioMixer.DecodedSound decoded, VideoProfile profile, Music music,
                                 MixSettings settings, Path workDir, Path stemsDir, Progress progress, Cancellation cancel)
            throws MediaException, IOException {
        try {
            return timed("mix", () -> new AudioMixer(runner).mix(clips, decoded, music.audio().mix(),
                    profile.speech().stream().map(i -> new DuckingEnvelope.Region(i.startSec(), i.endSec())).toList(),
                    settings, workDir, stemsDir, progress, cancel));
        } catch (ExportException e) {
            throw new IllegalStateException(e);
        }
    }

    public VideoExporter.Result export(List<ClipInfo> clips, VideoExporter.Soundtrack sound, Path target,
                                       VideoExporter.Options options, Progress progress, Cancellation cancel)
            throws MediaException, ExportException {
        try {
            return timed("export", () -> new VideoExporter(runner).export(clips, sound, target, options, progress, cancel));
        } catch (IOException e) {
            throw new ExportException("The video could not be written: " + e.getMessage(), e);
        }
    }

    /** A private working folder for one job, removed by the caller. */
    public static Path workDir() throws IOException {
        return dev.backbeat.engine.media.TempFiles.dir("job");
    }
}
