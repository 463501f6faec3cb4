package dev.backbeat.engine.song;

import dev.backbeat.engine.media.Cancellation;
import dev.backbeat.engine.media.FfmpegRunner;
import dev.backbeat.engine.media.MediaException;
import dev.backbeat.engine.media.Progress;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads a song once: decoded to a raw file while its onsets are measured, then tempo, beats, bar
 * lines, phrases and the ending are found. Meter 4 (the songs people put under videos are almost
 * all in 4/4; a 3/4 song is still cut on its bar-length groups of four beats).
 */
public final class SongAnalyzer {
    public static final int BEATS_PER_BAR = 4;

    private final FfmpegRunner runner;

    public SongAnalyzer(FfmpegRunner runner) {
        this.runner = runner;
    }

    /** Decodes {@code file} into {@code pcmOut} and analyses it. */
    public Song analyze(Path file, Path pcmOut, Progress progress, Cancellation cancel) throws MediaException {
        OnsetEnvelope onsets = new OnsetEnvelope();
        SongDecoder.Decoded d = new SongDecoder(runner).decode(file, pcmOut, onsets::accept,
                (f, speed) -> progress.update(0.9 * f, speed), cancel);
        Song analysed = analyze(d, onsets.features());
        progress.update(1, 0);
        return analysed;
    }

    /** The grid of a song already decoded, from its frame features. */
    public static Song analyze(SongDecoder.Decoded decoded, OnsetEnvelope.Features features) {
        double duration = decoded.durationSec();
        MeterFinder meter = new MeterFinder(features);
        double[] span = meter.soundSpan(duration);
        double[] envelope = features.envelope();
        TempoEstimator.Tempo tempo = new TempoEstimator().estimate(envelope);
        int[] beatFrames = new BeatTracker().track(envelope, tempo.periodFrames());
        MetricLevel.Decision level = MetricLevel.decide(features.lowerEnvelope(), beatFrames, tempo.bpm(),
                TempoEstimator.MIN_BPM, TempoEstimator.MAX_BPM);
        double factor = level.factor();
        if (factor != 1) {
            beatFrames = new BeatTracker().track(envelope, tempo.periodFrames() / factor);
        } else if (level.shiftHalf()) {
            int half = (int) Math.round(tempo.periodFrames() / 2);
            beatFrames = java.util.Arrays.stream(beatFrames).map(f -> f + half).filter(f -> f < envelope.length).toArray();
        }
        double[] lower = features.lowerEnvelope();
        List<Double> beatList = new ArrayList<>();
        for (int f : beatFrames) {
            double t = Math.max(0, OnsetEnvelope.timeOf(snap(envelope, f)));
            if (t < span[1]) {
                beatList.add(t);
            }
        }
        double[] beats = beatList.stream().mapToDouble(Double::doubleValue).toArray();
        double bpm = refinedBpm(beats, tempo.bpm() * factor);
        int phase = meter.downbeatPhase(beats, BEATS_PER_BAR);
        List<Double> barList = new ArrayList<>();
        for (int b = phase; b < beats.length; b += BEATS_PER_BAR) {
            if (beats[b] < span[1] - 0.05) {
                barList.add(beats[b]);
            }
        }
        // the final chord often scores too weakly for the tracker: the bar grid is followed on to it
        double barSec = BEATS_PER_BAR * 60 / bpm;
        while (!barList.isEmpty()) {
            double next = barList.get(barList.size() - 1) + barSec;
            if (next > span[1] - 0.05) {
                break;
            }
            int at = OnsetEnvelope.frameAt(next);
            int best = -1;
            for (int k = at - 4; k <= at + 4; k++) {
                if (k >= 0 && k < lower.length && lower[k] >= 1.0 && (best < 0 || lower[k] > lower[best])) {
                    best = k;
                }
            }
            if (best < 0) {
                break;
            }
            double t = OnsetEnvelope.timeOf(best);
            barList.add(t);
            beatList.removeIf(x -> x > t - 0.5 * barSec / BEATS_PER_BAR);
            for (int k = 0; k < BEATS_PER_BAR; k++) {
                beatList.add(t + k * barSec / BEATS_PER_BAR);
            }
        }
        if (!barList.isEmpty()) {
            // the ending's bar line on its own onset (the tracker's tightness may hold the last beat early)
            int last = barList.size() - 1;
            double was = barList.get(last);
            int at = OnsetEnvelope.frameAt(was);
            int best = at;
            for (int k = at - 5; k <= at + 5; k++) {
                if (k >= 0 && k < lower.length && best >= 0 && best < lower.length && lower[k] > lower[best]) {
                    best = k;
                }
            }
            if (best >= 0 && best < lower.length && lower[best] >= 1.0) {
                double t = OnsetEnvelope.timeOf(best);
                barList.set(last, t);
                beatList.replaceAll(x -> Math.abs(x - was) < 1e-9 ? t : x);
            }
        }
        double end = barList.isEmpty() ? span[1] : barList.get(barList.size() - 1);
        if (span[1] - end < 2 * barSec) {
            // a ring-out after the final chord has no beats of its own
            beatList.removeIf(x -> x > end + 1e-6);
        }
        beatList.sort(null);
        beats = beatList.stream().mapToDouble(Double::doubleValue).toArray();
        double[] bars = barList.stream().mapToDouble(Double::doubleValue).toArray();
        double[][] barFeatures = bars.length == 0 ? new double[0][] : meter.barFeatures(bars, span[1]);
        int[] phrasing = bars.length < 4 ? new int[] {4, 0} : meter.phrasing(barFeatures);
        List<Double> phraseList = new ArrayList<>();
        for (int i = phrasing[1]; i < bars.length; i += phrasing[0]) {
            phraseList.add(bars[i]);
        }
        if (bars.length > 0 && (phraseList.isEmpty() || phraseList.get(0) > bars[0])) {
            phraseList.add(0, bars[0]); // the first bar line always starts a phrase
        }
        SongGrid grid = new SongGrid(bpm, beats, bars, phraseList.stream().mapToDouble(Double::doubleValue).toArray(),
                phrasing[0], end, span[0], span[1], duration, tempo.clarity());
        return new Song(decoded, grid, barFeatures, features.rms());
    }

    /** The strongest frame within 3 (35 ms) of a tracked beat: the tracker's tightness may pull a beat off its onset. */
    static int snap(double[] envelope, int frame) {
        int best = frame;
        for (int k = frame - 3; k <= frame + 3; k++) {
            if (k >= 0 && k < envelope.length && envelope[k] > envelope[best]) {
                best = k;
            }
        }
        return best;
    }

    /** The tempo of the tracked beats: the slope of a least-squares line through beat number and time. */
    static double refinedBpm(double[] beats, double fallback) {
        if (beats.length < 8) {
            return fallback;
        }
        // the middle beats' intervals decide which stretch is steady; outliers (a missed beat) are left out
        double[] iv = new double[beats.length - 1];
        for (int i = 0; i < iv.length; i++) {
            iv[i] = beats[i + 1] - beats[i];
        }
        double[] sorted = iv.clone();
        Arrays.sort(sorted);
        double median = sorted[sorted.length / 2];
        double n = 0;
        double sx = 0;
        double sy = 0;
        double sxx = 0;
        double sxy = 0;
        double x = 0;
        for (int i = 0; i < beats.length; i++) {
            if (i > 0) {
                x += Math.max(1, Math.round(iv[i - 1] / median));
            }
            n++;
            sx += x;
            sy += beats[i];
            sxx += x * x;
            sxy += x * beats[i];
        }
        double slope = (n * sxy - sx * sy) / (n * sxx - sx * sx);
        return slope > 0 ? 60 / slope : fallback;
    }
}
