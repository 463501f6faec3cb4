package dev.backbeat.cli;

import dev.backbeat.engine.compose.Brief;
import dev.backbeat.engine.compose.Composer;
import dev.backbeat.engine.compose.Composition;
import dev.backbeat.engine.compose.Instrument;
import dev.backbeat.engine.compose.MidiWriter;
import dev.backbeat.engine.compose.Style;
import dev.backbeat.engine.synth.GervillRenderer;
import dev.backbeat.engine.synth.SoundFontLoader;

import javax.sound.midi.Sequence;
import javax.sound.midi.Soundbank;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How loud each part is with each SoundFont as the styles play it: every part of a 20-s piece per style
 * rendered alone, RMS in dB, and per program the median difference from the first SoundFont (the
 * manifest's gain column is that difference, negated, so a new bank keeps the balance the mix was tuned on).
 */
final class SoundFontPartLevels {

    private static final double SECONDS = 20;

    private SoundFontPartLevels() {
    }

    static void print(List<Path> soundfonts, PrintWriter pw) {
        List<Soundbank> banks = new ArrayList<>();
        for (Path sf : soundfonts) banks.add(SoundFontLoader.load(sf));
        Map<String, List<double[]>> byProgram = new TreeMap<>();
        for (Style style : Style.values()) {
            Composition c = new Composer().compose(SynthBenchmark.profile(SECONDS), Brief.of(style, 7));
            Sequence seq = new MidiWriter().write(c.score(), c.key());
            int[] tracks = new int[seq.getTracks().length];
            for (int i = 0; i < tracks.length; i++) tracks[i] = i;
            StringBuilder line = new StringBuilder(String.format("%-10s", style.name()));
            for (Instrument ins : c.score().instruments()) {
                double[] levels = new double[banks.size()];
                for (int b = 0; b < banks.size(); b++) levels[b] = partDb(banks.get(b), seq, tracks, ins.channel());
                line.append(String.format("  %s %d:%d", ins.part(), ins.bank(), ins.program()));
                for (double l : levels) line.append(String.format(" %.1f", l));
                byProgram.computeIfAbsent(ins.bank() + ":" + ins.program(), k -> new ArrayList<>()).add(levels);
            }
            pw.println(line);
            pw.flush();
        }
        pw.println("per program, dB louder than " + soundfonts.get(0).getFileName() + " (median over the styles using it):");
        byProgram.forEach((program, all) -> {
            StringBuilder line = new StringBuilder(String.format("  %-7s", program));
            for (int b = 1; b < banks.size(); b++) {
                final int bank = b;
                double[] d = all.stream().mapToDouble(l -> l[bank] - l[0]).sorted().toArray();
                line.append(String.format(" %s %+.1f", soundfonts.get(b).getFileName(), d[d.length / 2]));
            }
            pw.println(line);
        });
        pw.flush();
    }

    private static double partDb(Soundbank bank, Sequence seq, int[] tracks, int channel) {
        float[][] out = new float[2][(int) (SECONDS * GervillRenderer.RATE)];
        try (GervillRenderer.Stream s = new GervillRenderer(bank).open(seq, tracks, channel)) {
            int done = 0;
            while (done < out[0].length) {
                int got = s.read(out, done, Math.min(4096, out[0].length - done));
                if (got <= 0) break;
                done += got;
            }
        }
        double sum = 0;
        for (float[] ch : out) for (float v : ch) sum += v * (double) v;
        return 10 * Math.log10(sum / (2.0 * out[0].length) + 1e-20);
    }
}
