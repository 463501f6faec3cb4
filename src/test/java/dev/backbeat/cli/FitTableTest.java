package dev.backbeat.cli;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A few representative rows of {@code bench fit} (the full table is there): fast, middling and
 * slow cutting, regular and irregular, heard by aubio on the rendered music against an off-grid control.
 */
class FitTableTest {

    @TempDir
    Path dir;

    @Test
    void cutsOfEveryPaceAreHeardInTheMusicFarMoreOftenThanOffGridTimes() throws Exception {
        Assumptions.assumeTrue(FitTable.aubioAvailable(), "aubio-tools is not installed: apt-get install aubio-tools");
        record Case(double interval, boolean irregular, double valence) {
        }
        List<Case> cases = List.of(new Case(1.0, false, -0.5), new Case(0.95, true, -0.5), new Case(2.0, true, 0.4),
                new Case(4.0, false, 0.4));
        List<FitTable.Row> rows = new ArrayList<>();
        for (Case c : cases) {
            FitTable.Row r = FitTable.measure(FitTable.clip(16, c.interval(), c.irregular(), c.valence(), 5), c.interval(),
                    c.irregular(), dir);
            System.out.printf(Locale.ROOT, "fit %.2f s %s: %s %.1f BPM, on grid %.0f%%, heard %.0f%%, control %.0f%%%n",
                    c.interval(), c.irregular() ? "irregular" : "regular", r.style(), r.bpm(), 100 * r.onGrid(), 100 * r.heard(),
                    100 * r.control());
            rows.add(r);
        }
        double heard = rows.stream().mapToDouble(FitTable.Row::heard).average().orElse(0);
        double control = rows.stream().mapToDouble(FitTable.Row::control).average().orElse(0);
        assertTrue(heard >= 0.9, "cuts heard: " + heard);
        assertTrue(heard - control >= 0.4, "heard " + heard + " vs control " + control);
        // fast, dark cutting gets a driving style at a tempo that puts the cuts on the grid
        assertNotEquals("cinematic/ambient", rows.get(0).style());
        assertTrue(rows.get(0).onGrid() >= 0.9 && rows.get(1).onGrid() >= 0.7, "fast cuts on the grid (irregular ones as far as a steady groove allows)");
    }
}
