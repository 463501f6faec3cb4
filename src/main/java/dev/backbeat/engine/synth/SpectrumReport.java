package dev.backbeat.engine.synth;

/**
 * A listen-proxy for comparing renders: level, crest factor, spectral centroid and the share of
 * energy in the lows (&lt; 150 Hz) and highs (&gt; 5 kHz), from 4096-point FFT frames of the left channel.
 */
public record SpectrumReport(double rmsDb, double peakDb, double crestDb, double centroidHz, double lowShare,
                             double highShare) {

    private static final int N = 4096;

    public static SpectrumReport of(float[][] stereo) {
        float[] x = stereo[0];
        double sum = 0, peak = 0;
        for (float v : x) {
            sum += v * (double) v;
            peak = Math.max(peak, Math.abs(v));
        }
        double rms = Math.sqrt(sum / Math.max(1, x.length));
        double[] power = new double[N / 2];
        for (int start = 0; start + N <= x.length; start += N) {
            double[] re = new double[N];
            double[] im = new double[N];
            for (int i = 0; i < N; i++) re[i] = x[start + i] * (0.5 - 0.5 * Math.cos(2 * Math.PI * i / (N - 1)));
            fft(re, im);
            for (int k = 0; k < N / 2; k++) power[k] += re[k] * re[k] + im[k] * im[k];
        }
        double total = 0, weighted = 0, low = 0, high = 0;
        double hzPerBin = GervillRenderer.RATE / N;
        for (int k = 1; k < N / 2; k++) {
            double f = k * hzPerBin;
            total += power[k];
            weighted += f * power[k];
            if (f < 150) low += power[k];
            if (f > 5000) high += power[k];
        }
        total = Math.max(total, 1e-30);
        return new SpectrumReport(db(rms), db(peak), db(peak) - db(rms), weighted / total, low / total, high / total);
    }

    private static double db(double x) {
        return 20 * Math.log10(x + 1e-12);
    }

    /** In-place radix-2 FFT. */
    private static void fft(double[] re, double[] im) {
        int n = re.length;
        for (int i = 1, j = 0; i < n; i++) {
            int bit = n >> 1;
            for (; (j & bit) != 0; bit >>= 1) j ^= bit;
            j ^= bit;
            if (i < j) {
                double t = re[i]; re[i] = re[j]; re[j] = t;
                t = im[i]; im[i] = im[j]; im[j] = t;
            }
        }
        for (int len = 2; len <= n; len <<= 1) {
            double ang = -2 * Math.PI / len;
            for (int i = 0; i < n; i += len) {
                for (int k = 0; k < len / 2; k++) {
                    double wr = Math.cos(ang * k), wi = Math.sin(ang * k);
                    int a = i + k, b = i + k + len / 2;
                    double xr = re[b] * wr - im[b] * wi, xi = re[b] * wi + im[b] * wr;
                    re[b] = re[a] - xr; im[b] = im[a] - xi;
                    re[a] += xr; im[a] += xi;
                }
            }
        }
    }
}
