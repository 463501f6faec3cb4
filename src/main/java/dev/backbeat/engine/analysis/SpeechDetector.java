package dev.backbeat.engine.analysis;

import dev.backbeat.engine.analysis.VideoProfile.Interval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Finds where someone speaks and where it is silent. Every 10 ms a 25 ms frame is measured: its
 * energy, how much of it lies in the voice band (300-3400 Hz), and how tonal the voice band is
 * (spectral flatness; noise is flat, voiced speech is not). Voice-like frames well above the
 * noise floor form regions; gaps under 300 ms are merged, and a region must rise and fall like
 * syllables do (a steady tone or hum does not).
 */
final class SpeechDetector {

    static final double HOP_SEC = 0.01;
    private static final int FFT = 512;
    private static final double MERGE_GAP_SEC = 0.3;
    private static final double MIN_SPEECH_SEC = 0.2;
    private static final double EDGE_SEC = 0.15;
    private static final double MIN_SYLLABLE_SWING_DB = 4;
    private static final double SILENCE_DB = -50;
    private static final double MIN_SILENCE_SEC = 0.5;

    private final int sampleRate;
    private final int hop;
    private final int frameLength;
    private final float[] window;
    private final float[] pending;
    private int filled;
    private final FloatSeries energyDb = new FloatSeries();
    private final FloatSeries voiceBand = new FloatSeries();
    private final FloatSeries flatness = new FloatSeries();
    private final double[] re = new double[FFT];
    private final double[] im = new double[FFT];

    SpeechDetector(int sampleRate) {
        this.sampleRate = sampleRate;
        hop = (int) Math.round(sampleRate * HOP_SEC);
        frameLength = Math.min(FFT, (int) Math.round(sampleRate * 0.025));
        window = new float[frameLength];
        for (int i = 0; i < frameLength; i++) {
            window[i] = (float) (0.5 - 0.5 * Math.cos(2 * Math.PI * i / (frameLength - 1)));
        }
        pending = new float[frameLength];
    }

    void accept(float[] samples, int n) {
        for (int i = 0; i < n; i++) {
            pending[filled++] = samples[i];
            if (filled == frameLength) {
                measure();
                System.arraycopy(pending, hop, pending, 0, frameLength - hop);
                filled = frameLength - hop;
            }
        }
    }

    private void measure() {
        double power = 0;
        Arrays.fill(im, 0);
        Arrays.fill(re, 0);
        for (int i = 0; i < frameLength; i++) {
            power += pending[i] * pending[i];
            re[i] = pending[i] * window[i];
        }
        energyDb.add(10 * Math.log10(power / frameLength + 1e-12));
        Fft.transform(re, im);
        double binHz = (double) sampleRate / FFT;
        double total = 1e-12;
        double band = 0;
        double logSum = 0;
        int bandBins = 0;
        for (int k = 1; k < FFT / 2; k++) {
            double f = k * binHz;
            double p = re[k] * re[k] + im[k] * im[k];
            if (f < 80) {
                continue;
            }
            total += p;
            if (f >= 300 && f <= 3400) {
                band += p;
                logSum += Math.log(p + 1e-12);
                bandBins++;
            }
        }
        voiceBand.add(band / total);
        double arithmetic = band / Math.max(1, bandBins) + 1e-12;
        flatness.add(bandBins == 0 ? 1 : Math.exp(logSum / bandBins) / arithmetic);
    }

    /** Regions of speech, in seconds. */
    List<Interval> speech() {
        int n = energyDb.size();
        if (n == 0) {
            return List.of();
        }
        float[] sorted = new float[n];
        for (int i = 0; i < n; i++) {
            sorted[i] = energyDb.get(i);
        }
        Arrays.sort(sorted);
        double noise = sorted[n / 10];
        double active = Math.max(noise + 10, -55);
        boolean[] voiced = new boolean[n];
        for (int i = 0; i < n; i++) {
            voiced[i] = energyDb.get(i) > active && voiceBand.get(i) > 0.5 && flatness.get(i) < 0.4;
        }
        List<int[]> regions = runs(voiced, (int) Math.round(MERGE_GAP_SEC / HOP_SEC));
        List<Interval> speech = new ArrayList<>();
        int edge = (int) Math.round(EDGE_SEC / HOP_SEC);
        for (int[] r : regions) {
            if ((r[1] - r[0] + 1) * HOP_SEC < MIN_SPEECH_SEC || swingDb(r[0], r[1]) < MIN_SYLLABLE_SWING_DB) {
                continue;
            }
            // onsets and tails of words are often unvoiced (s, t, h): extend over frames still above the noise
            int from = r[0];
            while (from > 0 && r[0] - from < edge && energyDb.get(from - 1) > active) {
                from--;
            }
            int to = r[1];
            while (to + 1 < n && to - r[1] < edge && energyDb.get(to + 1) > active) {
                to++;
            }
            speech.add(new Interval(frameStart(from), frameStart(to) + frameLength / (double) sampleRate));
        }
        return speech;
    }

    /** Regions of at least half a second where the sound stays below -50 dBFS. */
    List<Interval> silence(double durationSec) {
        int n = energyDb.size();
        boolean[] quiet = new boolean[n];
        for (int i = 0; i < n; i++) {
            quiet[i] = energyDb.get(i) < SILENCE_DB;
        }
        List<Interval> silence = new ArrayList<>();
        for (int[] r : runs(quiet, 5)) {
            double start = frameStart(r[0]);
            double end = r[1] == n - 1 ? Math.max(durationSec, frameStart(r[1]) + HOP_SEC) : frameStart(r[1]) + HOP_SEC;
            if (end - start >= MIN_SILENCE_SEC) {
                silence.add(new Interval(start, Math.min(end, Math.max(durationSec, start))));
            }
        }
        return silence;
    }

    /** Spread of frame energy inside a region (90th minus 10th percentile), in dB. */
    private double swingDb(int from, int to) {
        float[] e = new float[to - from + 1];
        for (int i = from; i <= to; i++) {
            e[i - from] = energyDb.get(i);
        }
        Arrays.sort(e);
        return e[(int) (e.length * 0.9)] - e[(int) (e.length * 0.1)];
    }

    private double frameStart(int frame) {
        return frame * HOP_SEC;
    }

    /** Runs of true, bridging gaps up to {@code maxGap} frames, as {first, last}. */
    private static List<int[]> runs(boolean[] on, int maxGap) {
        List<int[]> runs = new ArrayList<>();
        int start = -1;
        int last = -1;
        for (int i = 0; i < on.length; i++) {
            if (!on[i]) {
                continue;
            }
            if (start >= 0 && i - last - 1 <= maxGap) {
                last = i;
            } else {
                if (start >= 0) {
                    runs.add(new int[] {start, last});
                }
                start = i;
                last = i;
            }
        }
        if (start >= 0) {
            runs.add(new int[] {start, last});
        }
        return runs;
    }
}
