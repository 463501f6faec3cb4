package dev.backbeat.engine.song;

import dev.backbeat.engine.analysis.Fft;

import java.util.Arrays;

/**
 * The song's onset strength, fed a mono downmix block by block as it is decoded: a 2048-point
 * Hann spectrum every {@value #HOP} samples at 48 kHz (11.6 ms), its log-magnitude spectral flux
 * (all bins, and the bins under 160 Hz where kicks and bass notes live), the frame's loudness and
 * its chroma (energy by pitch class, 65 Hz-4 kHz) for telling bars apart. Nothing of the sound
 * itself is kept: a 20-minute song costs about 7 MB of features.
 */
public final class OnsetEnvelope {
    public static final int RATE = 48_000;
    public static final int HOP = 557;
    static final int SIZE = 2048;
    /**
     * Seconds from a frame's window start to the time it stands for: the flux of a hit peaks once
     * the hit is somewhat short of the window's centre (set from synthetic hits, see BeatTrackerTest).
     */
    static final double FRAME_OFFSET_SEC = 0.5 * SIZE / RATE + 0.009;

    private final double[] window = new double[SIZE];
    private final float[] ring = new float[SIZE];
    private long total;
    private final double[] re = new double[SIZE];
    private final double[] im = new double[SIZE];
    private final double[] lastLog = new double[SIZE / 2];
    private final int[] pitchClass = new int[SIZE / 2];
    private final int lowBins;
    private final int midBins;
    private boolean first = true;

    private float[] flux = new float[1024];
    private float[] lowFlux = new float[1024];
    private float[] midFlux = new float[1024];
    private float[] rms = new float[1024];
    private float[][] chroma = new float[1024][];
    private int frames;

    public OnsetEnvelope() {
        for (int i = 0; i < SIZE; i++) {
            window[i] = 0.5 - 0.5 * Math.cos(2 * Math.PI * i / SIZE);
        }
        for (int k = 0; k < SIZE / 2; k++) {
            double hz = k * (double) RATE / SIZE;
            pitchClass[k] = hz < 65 || hz > 4000 ? -1
                    : Math.floorMod((int) Math.round(12 * Math.log(hz / 440.0) / Math.log(2)) + 9, 12);
        }
        lowBins = (int) Math.ceil(160.0 * SIZE / RATE);
        midBins = (int) Math.ceil(1500.0 * SIZE / RATE);
    }

    /** Takes {@code n} mono samples. */
    public void accept(float[] mono, int n) {
        for (int i = 0; i < n; i++) {
            ring[(int) (total % SIZE)] = mono[i];
            total++;
            // frame k's window starts at sample k * HOP
            if (total >= SIZE && (total - SIZE) % HOP == 0) {
                frame((int) (total % SIZE));
            }
        }
    }

    private void frame(int endInRing) {
        double energy = 0;
        for (int i = 0; i < SIZE; i++) {
            float x = ring[(endInRing + i) % SIZE];
            energy += x * x;
            re[i] = x * window[i];
            im[i] = 0;
        }
        Fft.transform(re, im);
        double f = 0;
        double lf = 0;
        double mf = 0;
        float[] c = new float[12];
        for (int k = 1; k < SIZE / 2; k++) {
            double p = re[k] * re[k] + im[k] * im[k];
            double lg = Math.log1p(1000 * Math.sqrt(p));
            double d = lg - lastLog[k];
            if (!first && d > 0) {
                f += d;
                if (k < lowBins) {
                    lf += d;
                }
                if (k < midBins) {
                    mf += d;
                }
            }
            lastLog[k] = lg;
            if (pitchClass[k] >= 0) {
                c[pitchClass[k]] += (float) p;
            }
        }
        first = false;
        grow();
        flux[frames] = (float) f;
        lowFlux[frames] = (float) lf;
        midFlux[frames] = (float) mf;
        rms[frames] = (float) Math.sqrt(energy / SIZE);
        chroma[frames] = c;
        frames++;
    }

    private void grow() {
        if (frames == flux.length) {
            int n = flux.length * 2;
            flux = Arrays.copyOf(flux, n);
            lowFlux = Arrays.copyOf(lowFlux, n);
            midFlux = Arrays.copyOf(midFlux, n);
            rms = Arrays.copyOf(rms, n);
            chroma = Arrays.copyOf(chroma, n);
        }
    }

    /** The features of every frame so far. */
    public Features features() {
        return new Features(Arrays.copyOf(flux, frames), Arrays.copyOf(lowFlux, frames), Arrays.copyOf(midFlux, frames),
                Arrays.copyOf(rms, frames),
                Arrays.copyOf(chroma, frames));
    }

    /** Frame-by-frame features; frame {@code i} stands for {@link #timeOf(int)}. */
    public record Features(float[] flux, float[] lowFlux, float[] midFlux, float[] rms, float[][] chroma) {
        public int frames() {
            return flux.length;
        }

        /**
         * The onset envelope as the tempo and beat search want it: the flux less its local mean
         * (about 0.4 s), half-wave rectified, divided by its standard deviation.
         */
        public double[] envelope() {
            return normalised(flux);
        }

        /** The same made of the flux under 1.5 kHz only (kick, snare body, bass, chords; not the hats). */
        public double[] lowerEnvelope() {
            return normalised(midFlux);
        }

        private static double[] normalised(float[] flux) {
            int n = flux.length;
            double[] e = new double[n];
            int half = 17;
            double sum = 0;
            int count = 0;
            int lo = 0;
            int hi = -1;
            for (int i = 0; i < n; i++) {
                while (hi < Math.min(n - 1, i + half)) {
                    sum += flux[++hi];
                    count++;
                }
                while (lo < i - half) {
                    sum -= flux[lo++];
                    count--;
                }
                e[i] = Math.max(0, flux[i] - sum / count);
            }
            double sq = 0;
            for (double v : e) {
                sq += v * v;
            }
            double sd = Math.sqrt(sq / Math.max(1, n));
            if (sd > 0) {
                for (int i = 0; i < n; i++) {
                    e[i] /= sd;
                }
            }
            return e;
        }
    }

    /** The time in seconds frame {@code i} stands for. */
    public static double timeOf(int frame) {
        return frame * (double) HOP / RATE + FRAME_OFFSET_SEC;
    }

    /** The frame nearest a time. */
    public static int frameAt(double sec) {
        return (int) Math.round((sec - FRAME_OFFSET_SEC) * RATE / HOP);
    }
}
