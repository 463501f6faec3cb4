package dev.backbeat.engine.compose;

import dev.backbeat.engine.analysis.VideoProfile;
import dev.backbeat.engine.synth.WavWriter;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The activity of the music as an outside judge hears it: onsets per second (aubio onset) on
 * 30-s pieces, against recordings of real music (0.5-6.5 per second, median 3.5).
 * {@code -Dactivity.full=true} renders calm, balanced and fast-cut clips in every style.
 */
class ActivityTest {

    @TempDir
    Path dir;

    @Test
    void onsetRateIsInTheRangeOfRealMusic() throws Exception {
        Assumptions.assumeTrue(Aubio.available(), "aubio-tools is not installed: apt-get install aubio-tools");
        boolean full = Boolean.getBoolean("activity.full");
        String[] names = full ? new String[] {"calm", "balanced", "fast"} : new String[] {"balanced"};
        List<Double> rates = new ArrayList<>();
        for (Style style : Style.values()) {
            StringBuilder line = new StringBuilder(String.format("activity %-20s", style.label()));
            for (String name : names) {
                VideoProfile p = switch (name) {
                    case "calm" -> TestProfiles.calmDark(30, 3);
                    case "fast" -> TestProfiles.brightFast(30, 3);
                    default -> TestProfiles.irregular(30, 2.5, 0.55, 0.2, 21);
                };
                Pieces.Rendered r = Pieces.render(p, Brief.of(style, 5));
                Path wav = dir.resolve(style + "-" + name + ".wav");
                new WavWriter().write(r.music().mix(), wav);
                double heard = Aubio.onsets(wav).size() / p.durationSec();
                line.append(String.format("  %s: %4.1f onsets/s heard (%4.1f written, %4d notes)", name, heard,
                        r.composition().score().onsetsPerSecond(), r.composition().score().notes().size()));
                if (name.equals("balanced")) rates.add(heard);
                assertTrue(heard >= 0.5 && heard <= 6.5, style + " " + name + ": onset rate " + heard + " outside real music's");
            }
            System.out.println(line);
        }
        List<Double> sorted = new ArrayList<>(rates);
        Collections.sort(sorted);
        double median = (sorted.get(3) + sorted.get(4)) / 2;
        System.out.printf("activity, balanced clip, all styles: onsets/s heard %.1f-%.1f, median %.1f%n",
                sorted.get(0), sorted.get(sorted.size() - 1), median);
        // Real recordings: median 3.5 onsets a second; a balanced clip should sit near it in most styles.
        assertTrue(median >= 2.5 && median <= 4.5, "median onset rate " + median);
    }
}
