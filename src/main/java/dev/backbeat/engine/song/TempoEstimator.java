package dev.backbeat.engine.song;

/**
 * The song's tempo from its onset envelope: the envelope's autocorrelation, weighted by a
 * log-Gaussian prior around 120 BPM (1 octave wide: Ellis 2007 and librosa use the same shape),
 * each candidate period helped by half the correlation at twice its period so the pulse a listener
 * taps (the quarter note, not the eighth the hats play) wins; 60-180 BPM.
 */
public final class TempoEstimator {
    public static final double MIN_BPM = 60;
    public static final double MAX_BPM = 180;
    private static final double PRIOR_BPM = 120;
    private static final double PRIOR_OCTAVES = 1.0;

    /** A tempo and how clearly the song has one (the weighted peak over the mean, 1 = no pulse at all). */
    public record Tempo(double bpm, double periodFrames, double clarity) {
    }

    public Tempo estimate(double[] envelope) {
        double framesPerSec = OnsetEnvelope.RATE / (double) OnsetEnvelope.HOP;
        int minLag = (int) Math.floor(framesPerSec * 60 / MAX_BPM) - 1;
        int maxLag = (int) Math.ceil(framesPerSec * 60 / MIN_BPM) + 1;
        double[] ac = autocorrelation(envelope, 2 * maxLag + 2);
        double best = -1;
        int bestLag = -1;
        double sum = 0;
        int count = 0;
        double[] score = new double[maxLag + 2];
        for (int lag = Math.max(2, minLag); lag <= maxLag; lag++) {
            double bpm = 60 * framesPerSec / lag;
            double octaves = Math.log(bpm / PRIOR_BPM) / Math.log(2);
            double w = Math.exp(-0.5 * (octaves / PRIOR_OCTAVES) * (octaves / PRIOR_OCTAVES));
            score[lag] = w * (ac[lag] + 0.5 * ac[2 * lag]);
            sum += score[lag];
            count++;
        }
        for (int lag = Math.max(2, minLag); lag <= maxLag; lag++) {
            double bpm = 60 * framesPerSec / lag;
            if (bpm < MIN_BPM * 0.99 || bpm > MAX_BPM * 1.01) {
                continue;
            }
            if (score[lag] > best) {
                best = score[lag];
                bestLag = lag;
            }
        }
        if (bestLag < 0 || best <= 0) {
            return new Tempo(PRIOR_BPM, 60 * framesPerSec / PRIOR_BPM, 1);
        }
        // a parabola through the peak and its neighbours gives the period between frames
        double period = bestLag;
        if (bestLag > 2 && bestLag < maxLag) {
            double a = score[bestLag - 1];
            double b = score[bestLag];
            double c = score[bestLag + 1];
            double d = a - 2 * b + c;
            if (d < 0) {
                period += Math.max(-0.5, Math.min(0.5, 0.5 * (a - c) / d));
            }
        }
        double mean = count == 0 ? 0 : sum / count;
        return new Tempo(60 * framesPerSec / period, period, mean <= 0 ? 1 : best / mean);
    }

    /** The envelope's autocorrelation at lags 0..maxLag, each divided by the number of products (unbiased). */
    static double[] autocorrelation(double[] e, int maxLag) {
        double[] ac = new double[maxLag + 1];
        int n = e.length;
        for (int lag = 0; lag <= maxLag && lag < n; lag++) {
            double s = 0;
            for (int i = lag; i < n; i++) {
                s += e[i] * e[i - lag];
            }
            ac[lag] = s / (n - lag);
        }
        return ac;
    }
}
