package dev.backbeat.service.local;

import dev.backbeat.engine.analysis.VideoProfile;
import dev.backbeat.engine.compose.CutCatch;
import dev.backbeat.engine.compose.MusicPlan;
import dev.backbeat.engine.compose.Section;
import dev.backbeat.service.preview.MusicMap;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The music's structure, from the plan it was composed by, in the form the timeline draws. */
final class MusicMapBuilder {
    /** A cut is caught when a beat or an off-beat eighth of the music lands this close to it. */
    static final double CATCH_SEC = 0.050;

    private MusicMapBuilder() {
    }

    static MusicMap build(MusicPlan plan, VideoProfile profile, double volumePercent) {
        double[] beats = plan.beatTimes();
        int bpb = plan.beatsPerBar();
        List<MusicMap.SectionMark> sections = new ArrayList<>();
        List<MusicMap.EnergyPoint> energy = new ArrayList<>();
        for (Section s : plan.sections()) {
            double start = barTime(plan, s.startBar());
            double end = Math.min(plan.durationSec(), barTime(plan, s.endBar()));
            if (end <= start) {
                continue;
            }
            sections.add(new MusicMap.SectionMark(s.role().name().toLowerCase(Locale.ROOT), start, end, s.energy()));
            for (int bar = s.startBar(); bar < s.endBar(); bar++) {
                double t = barTime(plan, bar);
                if (t < plan.durationSec()) {
                    energy.add(new MusicMap.EnergyPoint(t, s.energy()));
                }
            }
        }
        List<MusicMap.CutMark> cuts = new ArrayList<>();
        for (VideoProfile.Cut c : profile.hardCuts()) {
            cuts.add(plan.cutCatches().isEmpty() ? cutMark(beats, c) : caught(plan, c));
        }
        List<MusicMap.Span> speech = profile.speech().stream()
                .map(i -> new MusicMap.Span(i.startSec(), i.endSec())).toList();
        return new MusicMap(TimelineBuilder.styleName(plan), plan.bpm(), plan.key(), bpb, beats, plan.firstDownbeat(),
                sections, energy, cuts, speech, volumePercent);
    }

    private static double barTime(MusicPlan plan, int bar) {
        double[] beats = plan.beatTimes();
        int i = plan.firstDownbeat() + bar * plan.beatsPerBar();
        if (i < beats.length) {
            return beats[i];
        }
        double last = beats[beats.length - 1] - beats[beats.length - 2];
        return beats[beats.length - 1] + (i - (beats.length - 1)) * last;
    }

    /** How the composer caught the cut (a hit point): on the grid, by an accent, an impact, a chord change or a stop. */
    private static MusicMap.CutMark caught(MusicPlan plan, VideoProfile.Cut c) {
        for (CutCatch k : plan.cutCatches()) {
            if (Math.abs(k.timeSec() - c.timeSec()) < 1e-6) {
                return new MusicMap.CutMark(c.timeSec(), c.strength(), k.caught(), k.caught() ? k.how().words() : "");
            }
        }
        return new MusicMap.CutMark(c.timeSec(), c.strength(), false, "");
    }

    /** For a plan that records no hit points: caught when a beat or an off-beat eighth lands near it. */
    private static MusicMap.CutMark cutMark(double[] beats, VideoProfile.Cut c) {
        double t = c.timeSec();
        double bestBeat = Double.MAX_VALUE;
        double bestEighth = Double.MAX_VALUE;
        for (int i = 0; i < beats.length; i++) {
            bestBeat = Math.min(bestBeat, Math.abs(beats[i] - t));
            if (i + 1 < beats.length) {
                bestEighth = Math.min(bestEighth, Math.abs((beats[i] + beats[i + 1]) / 2 - t));
            }
        }
        if (bestBeat <= CATCH_SEC) {
            return new MusicMap.CutMark(t, c.strength(), true, "beat");
        }
        if (bestEighth <= CATCH_SEC) {
            return new MusicMap.CutMark(t, c.strength(), true, "off-beat");
        }
        return new MusicMap.CutMark(t, c.strength(), false, "");
    }
}
