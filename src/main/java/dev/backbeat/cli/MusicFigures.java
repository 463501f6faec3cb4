package dev.backbeat.cli;

import dev.backbeat.engine.analysis.Fft;
import dev.backbeat.engine.media.Ffmpeg;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What {@code bench music} measures of a recording (a 48 kHz 16-bit stereo WAV), the same way for
 * our pieces and for the reference recordings: loudness figures from FFmpeg's ebur128, onsets
 * from aubio (else an internal spectral-flux detector), and the rest computed here.
 *
 * @param width        side/mid energy, (L-R)/2 over (L+R)/2
 * @param plr          true peak minus integrated loudness, dB
 * @param lra          loudness range, LU
 * @param low          energy share below 250 Hz
 * @param mid          energy share 250 Hz-4 kHz
 * @param high         energy share above 4 kHz
 * @param onsets       onsets per second
 * @param keyClarity   best correlation of the chroma with a Krumhansl-Kessler key profile
 * @param pcEntropy    entropy of the pitch-class (chroma) histogram, bits (max 3.58)
 * @param contrast     section contrast: mean 1 - cosine similarity of adjacent 8-s segments' chroma and band vectors
 */
record MusicFigures(double width, double plr, double lra, double low, double mid, double high, double onsets,
                    double keyClarity, double pcEntropy, double contrast) {

    static final String[] NAMES = {"width", "PLR dB", "LRA LU", "low", "mid", "high", "onset/s", "key clar", "pc entr", "contrast"};

    double[] values() {
        return new double[] {width, plr, lra, low, mid, high, onsets, keyClarity, pcEntropy, contrast};
    }

    static MusicFigures of(double[] v) {
        return new MusicFigures(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9]);
    }

    private static final int RATE = 48_000;
    private static final int FRAME = 8192;
    private static final double[] MAJOR = {6.35, 2.23, 3.48, 2.33, 4.38, 4.09, 2.52, 5.19, 2.39, 3.66, 2.29, 2.88};
    private static final double[] MINOR = {6.33, 2.68, 3.52, 5.38, 2.60, 3.53, 2.54, 4.75, 3.98, 2.69, 3.34, 3.17};

    static MusicFigures measure(Ffmpeg ffmpeg, Path wav) throws IOException, InterruptedException {
        float[][] x = readWav(wav);
        double[] loud = ebur128(ffmpeg, wav);
        double seconds = x[0].length / (double) RATE;
        Double aubio = aubioOnsets(wav);
        double onsets = (aubio != null ? aubio : fluxOnsets(x)) / Math.max(1e-9, seconds);
        double side = 0;
        double midE = 0;
        for (int i = 0; i < x[0].length; i++) {
            double m = (x[0][i] + x[1][i]) / 2;
            double s = (x[0][i] - x[1][i]) / 2;
            midE += m * m;
            side += s * s;
        }
        Spectrum sp = spectrum(x);
        double[] chroma = sp.chroma;
        double bands = sp.low + sp.mid + sp.high + 1e-30;
        return new MusicFigures(side / Math.max(1e-30, midE), loud[2] - loud[0], loud[1], sp.low / bands, sp.mid / bands,
                sp.high / bands, onsets, keyClarity(chroma), entropy(chroma), sp.contrast);
    }

    /** Integrated loudness, loudness range and true peak, from FFmpeg's ebur128 summary. */
    static double[] ebur128(Ffmpeg ffmpeg, Path wav) throws IOException, InterruptedException {
        Process p = ffmpeg.builder(Ffmpeg.Tool.FFMPEG, List.of("-nostdin", "-hide_banner", "-nostats", "-i", wav.toString(),
                "-af", "ebur128=peak=true", "-f", "null", "-")).redirectErrorStream(true).start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) throw new IOException("ebur128 failed on " + wav);
        String summary = text.substring(Math.max(0, text.lastIndexOf("Summary:")));
        return new double[] {number(summary, "I:\\s+(-?[\\d.]+|-inf) LUFS"), number(summary, "LRA:\\s+(-?[\\d.]+) LU"),
                number(summary, "Peak:\\s+(-?[\\d.]+|-inf) dBFS")};
    }

    private static double number(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        if (!m.find()) return Double.NaN;
        return m.group(1).equals("-inf") ? Double.NEGATIVE_INFINITY : Double.parseDouble(m.group(1));
    }

    /** How many onsets {@code aubio onset} hears, or null when aubio is not installed. */
    static Double aubioOnsets(Path wav) throws InterruptedException {
        try {
            Process p = new ProcessBuilder("aubio", "onset", "-i", wav.toString()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (p.waitFor() != 0) return null;
            return (double) out.lines().filter(l -> !l.isBlank()).count();
        } catch (IOException e) {
            return null;
        }
    }

    /** Onsets by half-wave-rectified spectral flux over 1024-sample frames, peaks over a moving median. */
    static double fluxOnsets(float[][] x) {
        int hop = 512;
        int n = 1024;
        int frames = Math.max(0, (x[0].length - n) / hop);
        double[] flux = new double[frames];
        double[] prev = new double[n / 2];
        double[] re = new double[n];
        double[] im = new double[n];
        for (int f = 0; f < frames; f++) {
            for (int i = 0; i < n; i++) {
                double w = 0.5 - 0.5 * Math.cos(2 * Math.PI * i / n);
                re[i] = w * (x[0][f * hop + i] + x[1][f * hop + i]);
                im[i] = 0;
            }
            Fft.transform(re, im);
            double s = 0;
            for (int k = 1; k < n / 2; k++) {
                double mag = Math.log1p(100 * Math.hypot(re[k], im[k]));
                s += Math.max(0, mag - prev[k]);
                prev[k] = mag;
            }
            flux[f] = s;
        }
        int count = 0;
        int last = -100;
        for (int f = 8; f + 8 < frames; f++) {
            double[] win = java.util.Arrays.copyOfRange(flux, f - 8, f + 9);
            java.util.Arrays.sort(win);
            boolean peak = flux[f] >= flux[f - 1] && flux[f] > flux[f + 1];
            if (peak && flux[f] > 1.5 * win[8] + 1 && f - last > 4) {
                count++;
                last = f;
            }
        }
        return count;
    }

    private record Spectrum(double low, double mid, double high, double[] chroma, double contrast) {
    }

    /** Band energies, the chroma (55 Hz-4 kHz) and the section contrast, over 8192-sample frames hopping by 4096. */
    private static Spectrum spectrum(float[][] x) {
        int hop = FRAME / 2;
        int frames = Math.max(0, (x[0].length - FRAME) / hop + 1);
        double[] re = new double[FRAME];
        double[] im = new double[FRAME];
        double[] window = new double[FRAME];
        for (int i = 0; i < FRAME; i++) window[i] = 0.5 - 0.5 * Math.cos(2 * Math.PI * i / FRAME);
        int[] pc = new int[FRAME / 2];
        for (int k = 1; k < FRAME / 2; k++) {
            double hz = k * (double) RATE / FRAME;
            pc[k] = hz < 55 || hz > 4000 ? -1 : Math.floorMod((int) Math.round(12 * Math.log(hz / 440) / Math.log(2)) + 9, 12);
        }
        double low = 0, mid = 0, high = 0;
        double[] chroma = new double[12];
        int perSegment = (int) Math.round(8.0 * RATE / hop);
        List<double[]> segments = new ArrayList<>();
        double[] seg = new double[15];
        for (int f = 0; f < frames; f++) {
            for (int i = 0; i < FRAME; i++) {
                re[i] = window[i] * 0.5 * (x[0][f * hop + i] + x[1][f * hop + i]);
                im[i] = 0;
            }
            Fft.transform(re, im);
            double fl = 0, fm = 0, fh = 0;
            for (int k = 1; k < FRAME / 2; k++) {
                double e = re[k] * re[k] + im[k] * im[k];
                double hz = k * (double) RATE / FRAME;
                if (hz < 250) fl += e;
                else if (hz < 4000) fm += e;
                else fh += e;
                if (pc[k] >= 0) {
                    double mag = Math.sqrt(e);
                    chroma[pc[k]] += mag;
                    seg[pc[k]] += mag;
                }
            }
            low += fl;
            mid += fm;
            high += fh;
            seg[12] += fl;
            seg[13] += fm;
            seg[14] += fh;
            if ((f + 1) % perSegment == 0) {
                segments.add(normalised(seg));
                seg = new double[15];
            }
        }
        double contrast = 0;
        for (int i = 1; i < segments.size(); i++) {
            double dot = 0;
            for (int k = 0; k < 15; k++) dot += segments.get(i)[k] * segments.get(i - 1)[k];
            contrast += 1 - dot;
        }
        contrast = segments.size() > 1 ? contrast / (segments.size() - 1) : 0;
        return new Spectrum(low, mid, high, chroma, contrast);
    }

    /** A segment's chroma and its band energies (as square roots, so they weigh like magnitudes), each half of unit length. */
    private static double[] normalised(double[] seg) {
        double[] out = new double[15];
        double c = 0;
        for (int k = 0; k < 12; k++) c += seg[k] * seg[k];
        double b = 0;
        for (int k = 12; k < 15; k++) b += seg[k];
        for (int k = 0; k < 12; k++) out[k] = c > 0 ? seg[k] / Math.sqrt(c) * Math.sqrt(0.5) : 0;
        double bn = 0;
        for (int k = 12; k < 15; k++) {
            out[k] = b > 0 ? Math.sqrt(seg[k] / b) : 0;
            bn += out[k] * out[k];
        }
        for (int k = 12; k < 15; k++) out[k] = bn > 0 ? out[k] / Math.sqrt(bn) * Math.sqrt(0.5) : 0;
        return out;
    }

    static double keyClarity(double[] chroma) {
        double best = -1;
        for (int tonic = 0; tonic < 12; tonic++) {
            for (double[] profile : new double[][] {MAJOR, MINOR}) {
                double[] rot = new double[12];
                for (int k = 0; k < 12; k++) rot[(k + tonic) % 12] = profile[k];
                best = Math.max(best, correlation(chroma, rot));
            }
        }
        return best;
    }

    static double entropy(double[] chroma) {
        double sum = 0;
        for (double c : chroma) sum += c;
        double h = 0;
        for (double c : chroma) {
            if (c > 0) h -= c / sum * Math.log(c / sum) / Math.log(2);
        }
        return h;
    }

    private static double correlation(double[] a, double[] b) {
        double ma = 0, mb = 0;
        for (int i = 0; i < 12; i++) {
            ma += a[i] / 12;
            mb += b[i] / 12;
        }
        double num = 0, da = 0, db = 0;
        for (int i = 0; i < 12; i++) {
            num += (a[i] - ma) * (b[i] - mb);
            da += (a[i] - ma) * (a[i] - ma);
            db += (b[i] - mb) * (b[i] - mb);
        }
        return num / Math.sqrt(da * db + 1e-30);
    }

    /** A 16-bit PCM stereo WAV (any chunk layout), as floats. */
    static float[][] readWav(Path wav) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(wav)).order(ByteOrder.LITTLE_ENDIAN);
        b.position(12);
        while (b.remaining() >= 8) {
            byte[] id = new byte[4];
            b.get(id);
            int size = b.getInt();
            if (new String(id, StandardCharsets.US_ASCII).equals("data")) {
                int frames = Math.min(size, b.remaining()) / 4;
                float[][] out = new float[2][frames];
                for (int i = 0; i < frames; i++) {
                    out[0][i] = b.getShort() / 32768f;
                    out[1][i] = b.getShort() / 32768f;
                }
                return out;
            }
            b.position(b.position() + size + (size & 1));
        }
        throw new IOException("No sound in " + wav);
    }

    String row() {
        StringBuilder sb = new StringBuilder();
        for (double v : values()) sb.append(String.format(Locale.ROOT, " %8.3f", v));
        return sb.toString();
    }
}
