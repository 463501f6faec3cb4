package dev.backbeat.engine.compose;

import dev.backbeat.engine.analysis.VideoProfile;
import dev.backbeat.engine.analysis.VideoProfile.Cut;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Splits the piece into sections in whole bars: they start on the big scene changes, follow the
 * arousal curve (a build before a peak, the peak on the biggest cut), with an intro and an outro,
 * and a final bar holding the tonic to the clip's last frame.
 */
public final class SectionPlanner {

    private static final int MAX_SECTION_BARS = 8;

    /**
     * The sections, the energy 0-1 of every bar (index = bar), the bar holding the ending and the
     * beat where the final tonic starts: that bar's downbeat, or its middle when half a bar more
     * of music still leaves the tonic time to ring, so the last chord never hangs for long.
     */
    public record Plan(List<Section> sections, double[] barEnergy, int finalBar, int finalBeat, List<DropMark> drops,
                       java.util.Set<Integer> dropBars) {

        /** Whether a peak asked for in the chat starts at this bar. */
        public boolean dropAt(int bar) {
            return dropBars.contains(bar);
        }
    }

    public Plan plan(VideoProfile profile, Brief brief, BeatGrid grid, double baseArousal) {
        double duration = profile.durationSec();
        double beat = 60 / grid.bpm();
        double minTail = Math.min(2.0, Math.max(beat, 0.8));
        int finalBar = 0;
        while (grid.barStart(finalBar + 1) < grid.times().length
                && grid.times()[grid.barStart(finalBar + 1)] <= duration - minTail) {
            finalBar++;
        }
        double[] energy = new double[finalBar + 1];
        for (int b = 0; b <= finalBar; b++) {
            double t0 = grid.times()[grid.barStart(b)];
            double t1 = Math.min(duration, grid.timeOf(grid.barStart(b + 1)));
            double a = meanArousal(profile, t0, t1, baseArousal);
            energy[b] = Affect.clamp(0.35 * baseArousal + 0.65 * a + brief.intensityAt((t0 + t1) / 2), 0, 1);
        }
        TreeSet<Integer> bounds = new TreeSet<>();
        bounds.add(0);
        bounds.add(finalBar);
        int intro = finalBar >= 10 ? 2 : finalBar >= 5 ? 1 : 0;
        int outro = finalBar >= 12 ? 2 : finalBar >= 6 ? 1 : 0;
        bounds.add(intro);
        bounds.add(finalBar - outro);
        int biggestBar = -1;
        double biggest = 0;
        // Longer pieces get four-bar sections at least, so a melody can state and answer its motif.
        int minLen = finalBar >= 16 ? 4 : 2;
        List<Cut> strong = new ArrayList<>(profile.hardCuts());
        strong.sort((x, y) -> Double.compare(y.strength(), x.strength()));
        for (Cut c : strong) {
            int bar = (int) Math.round((grid.beatAt(c.timeSec()) - grid.firstDownbeat()) / grid.beatsPerBar());
            if (bar <= intro || bar >= finalBar - outro || c.strength() < 0.5) continue;
            Integer lo = bounds.floor(bar);
            Integer hi = bounds.ceiling(bar);
            if (bar - lo >= minLen && hi - bar >= minLen) {
                bounds.add(bar);
                if (c.strength() > biggest) {
                    biggest = c.strength();
                    biggestBar = bar;
                }
            }
        }
        List<Integer> cuts = new ArrayList<>(bounds);
        for (int i = 0; i + 1 < cuts.size(); i++) {
            int len = cuts.get(i + 1) - cuts.get(i);
            if (len > MAX_SECTION_BARS) {
                int step = len / ((len + MAX_SECTION_BARS - 1) / MAX_SECTION_BARS);
                step = Math.max(2, step >= 4 ? step - step % 4 : step);
                for (int b = cuts.get(i) + step; b < cuts.get(i + 1) - 1; b += step) bounds.add(b);
            }
        }
        int finalBeat = grid.barStart(finalBar);
        int half = finalBeat + grid.beatsPerBar() / 2;
        if (finalBar > 0 && half < grid.times().length && grid.times()[half] <= duration - minTail) finalBeat = half;
        List<DropMark> marks = new ArrayList<>();
        TreeSet<Integer> dropBars = placeDrops(brief.drops(), grid, finalBar, bounds, energy, marks);
        List<Section> sections = roles(new ArrayList<>(bounds), energy, intro, outro, finalBar, biggestBar);
        if (!dropBars.isEmpty()) sections = withDrops(sections, dropBars);
        return new Plan(sections, energy, finalBar, finalBeat, marks, java.util.Set.copyOf(dropBars));
    }

    /**
     * A drop asked for in the chat: a peak starts on the downbeat nearest to its time, with a build
     * of up to four bars before it (no section line inside) and two bars of peak at least after it.
     * The build's energy rises into the drop and the peak's opens at 0.75 or more.
     */
    private static TreeSet<Integer> placeDrops(List<Double> drops, BeatGrid grid, int finalBar, TreeSet<Integer> bounds,
                                               double[] energy, List<DropMark> marks) {
        TreeSet<Integer> placed = new TreeSet<>();
        for (double t : drops) {
            int bar = DropPlacer.nearestBar(grid, t);
            double err = DropPlacer.errorBeats(grid, t);
            Integer before = placed.floor(bar);
            boolean ok = bar >= 1 && bar <= finalBar - 1 && Math.abs(err) <= grid.beatsPerBar() / 2.0 + 1e-9
                    && (before == null || bar - before >= 2);
            marks.add(new DropMark(t, ok ? grid.times()[grid.barStart(bar)] : t, ok ? err : 0, ok));
            if (ok) placed.add(bar);
        }
        for (int bar : placed) {
            Integer prev = placed.lower(bar);
            int buildStart = Math.max(prev == null ? 0 : prev + 1, bar - (finalBar >= 16 ? 4 : 2));
            int peakEnd = Math.min(finalBar, bar + 2);
            bounds.removeIf(b -> (b > buildStart && b < bar) || (b > bar && b < peakEnd));
            bounds.add(buildStart);
            bounds.add(bar);
            for (int b = buildStart; b < bar; b++) {
                energy[b] = Affect.clamp(energy[b] + 0.12 * (b - buildStart + 1) / (bar - buildStart), 0, 1);
            }
            for (int b = bar; b < Math.min(finalBar, bar + 4); b++) energy[b] = Math.max(energy[b], 0.75);
        }
        return placed;
    }

    /** The sections a drop starts are peaks, the ones leading into them builds; any other peak becomes a verse. */
    private static List<Section> withDrops(List<Section> sections, TreeSet<Integer> dropBars) {
        List<Section> out = new ArrayList<>();
        for (int i = 0; i < sections.size(); i++) {
            Section s = sections.get(i);
            Section.Role role = s.role();
            if (role == Section.Role.ENDING) {
                out.add(s);
                continue;
            }
            if (dropBars.contains(s.startBar())) role = Section.Role.PEAK;
            else if (dropBars.contains(s.endBar())) role = Section.Role.BUILD;
            else if (role == Section.Role.PEAK && (out.isEmpty() || out.get(out.size() - 1).role() != Section.Role.PEAK)) {
                role = Section.Role.VERSE;
            }
            out.add(new Section(role, s.startBar(), s.endBar(), s.energy()));
        }
        return out;
    }

    private static List<Section> roles(List<Integer> b, double[] energy, int intro, int outro, int finalBar,
                                       int biggestBar) {
        List<double[]> raw = new ArrayList<>();
        double peak = -1;
        int peakIdx = -1;
        for (int i = 0; i + 1 < b.size(); i++) {
            if (b.get(i + 1).equals(b.get(i))) continue;
            double e = 0;
            for (int k = b.get(i); k < b.get(i + 1); k++) e += energy[k];
            e /= b.get(i + 1) - b.get(i);
            raw.add(new double[] {b.get(i), b.get(i + 1), e});
            boolean body = b.get(i) >= intro && b.get(i + 1) <= finalBar - outro;
            double bonus = b.get(i) == biggestBar ? 0.1 : 0;
            if (body && e + bonus > peak) {
                peak = e + bonus;
                peakIdx = raw.size() - 1;
            }
        }
        double mean = 0;
        for (double e : energy) mean += e;
        mean /= energy.length;
        List<Section> out = new ArrayList<>();
        for (int i = 0; i < raw.size(); i++) {
            int s = (int) raw.get(i)[0];
            int e = (int) raw.get(i)[1];
            double en = raw.get(i)[2];
            Section.Role role;
            if (s == 0 && intro > 0) role = Section.Role.INTRO;
            else if (e == finalBar && outro > 0 && s >= finalBar - outro) role = Section.Role.OUTRO;
            else if (i == peakIdx) role = Section.Role.PEAK;
            else if (i + 1 == peakIdx || (i + 1 < raw.size() && raw.get(i + 1)[2] > en + 0.12)) role = Section.Role.BUILD;
            else role = en < mean - 0.08 ? Section.Role.BREAK : Section.Role.VERSE;
            out.add(new Section(role, s, e, en));
        }
        out.add(new Section(Section.Role.ENDING, finalBar, finalBar + 1, energy[finalBar]));
        return out;
    }

    private static double meanArousal(VideoProfile p, double t0, double t1, double fallback) {
        double[] a = p.arousal();
        if (a == null || a.length == 0 || p.stepSec() <= 0) return fallback;
        int i0 = Math.max(0, (int) (t0 / p.stepSec()));
        int i1 = Math.min(a.length, Math.max(i0 + 1, (int) Math.ceil(t1 / p.stepSec())));
        if (i0 >= a.length) return a[a.length - 1];
        double s = 0;
        for (int i = i0; i < i1; i++) s += a[i];
        return s / (i1 - i0);
    }
}
