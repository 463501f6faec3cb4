package dev.backbeat.engine.compose;

import dev.backbeat.engine.analysis.VideoProfile;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Composes an original piece for a clip: reads the brief and the profile, plans, then arranges. */
public final class Composer {

    private static final int[] MAJOR_TONICS = {0, 2, 3, 5, 7, 10};
    private static final int[] MINOR_TONICS = {9, 2, 4, 7, 0, 5};

    public Composition compose(VideoProfile profile, Brief brief) {
        check(profile);
        Pacing pacing = Pacing.of(profile);
        // The cut rate pulls the energy up unless the user named a mood: fast cutting never gets a slow bed.
        Affect affect = brief.mood() == null ? pacing.pull(Affect.of(profile, brief)) : Affect.of(profile, brief);
        Style style = brief.style() != null ? brief.style()
                : brief.mood() == null ? StyleLibrary.forAffect(affect, pacing) : StyleLibrary.forAffect(affect);
        StyleSpec spec = StyleLibrary.spec(style);
        Random rng = new Random(brief.seed() * 0x9E3779B97F4A7C15L + style.ordinal());

        TempoBand.Choice tempo = TempoBand.choose(profile, brief, spec, affect, pacing);
        TempoFitter.Fit fit = tempo.fit();
        // A drop asked for in the chat decides which beat is "one"; the beats stay on the cuts.
        BeatGrid grid = DropPlacer.align(fit.grid(), brief.drops(), profile.durationSec());

        Key key = brief.key() != null ? Key.parse(brief.key()) : chooseKey(affect, spec, rng);
        SectionPlanner.Plan sections = new SectionPlanner().plan(profile, brief, grid, affect.arousal());
        java.util.Set<Integer> strongCutBeats = new java.util.HashSet<>();
        for (VideoProfile.Cut c : profile.hardCuts()) {
            if (c.strength() >= 0.5 && grid.distanceToBeat(c.timeSec()) <= 0.05) strongCutBeats.add(grid.nearestBeat(c.timeSec()));
        }
        boolean drums = spec.hasDrums() && !brief.excludes("drums");
        List<HitPoints.Hit> hits = HitPoints.plan(profile, grid, spec, sections, drums);
        List<Chord> chords = ChordProgression.splitAt(key,
                new ChordProgression().write(key, spec, sections, grid, rng, strongCutBeats), HitPoints.chordChanges(hits));
        hits = HitPoints.confirm(hits, chords);
        Score score = new Arranger(spec, brief, rng).arrange(profile, key, grid, sections, chords, hits);

        double meanEnergy = Affect.mean(sections.barEnergy());
        double level = -23 + 9 * meanEnergy + brief.volumeDb();
        MusicPlan plan = new MusicPlan(style, grid.bpm(), minLocal(grid, sections.finalBar()),
                maxLocal(grid, sections.finalBar()), grid.beatsPerBar(), key.toString(), sections.sections(),
                romans(chords, grid, sections.finalBar()), score.instruments(), grid.times(), grid.firstDownbeat(),
                profile.hardCuts().size(), fit.constantHitRate(), fit.hitRate(), fit.constantBeatHitRate(), fit.beatHitRate(),
                profile.durationSec(),
                grid.times()[sections.finalBeat()], level,
                brief.seed(), HitPoints.catches(hits, grid), sections.drops());
        return new Composition(plan, score, key, chords);
    }

    private static void check(VideoProfile p) {
        if (p == null) throw new ComposeException("There is no video profile to compose for.");
        if (!(p.durationSec() >= 2)) {
            throw new ComposeException(String.format(java.util.Locale.ROOT,
                    "The clip is %.1f s long: music needs at least 2 seconds.", p.durationSec()));
        }
        if (p.durationSec() > 600) {
            throw new ComposeException("The clip is longer than 10 minutes: split it and score the parts.");
        }
        if (p.cuts() == null) throw new ComposeException("The video profile has no cut list: analyse the clip again.");
    }

    private static Key chooseKey(Affect a, StyleSpec spec, Random rng) {
        boolean minor = spec.alwaysMinor() || a.valence() < -0.1
                || (Math.abs(a.valence()) <= 0.1 && rng.nextBoolean());
        int[] tonics = minor ? MINOR_TONICS : MAJOR_TONICS;
        return new Key(tonics[rng.nextInt(tonics.length)], minor ? Key.Mode.MINOR : Key.Mode.MAJOR);
    }

    /** One entry per bar; a bar whose chord changes on a cut reads "IV-V". */
    private static List<String> romans(List<Chord> chords, BeatGrid grid, int finalBar) {
        List<String> out = new ArrayList<>();
        for (int bar = 0; bar <= finalBar; bar++) {
            StringBuilder sb = new StringBuilder();
            for (Chord c : ChordProgression.within(chords, grid.barStart(bar), grid.barStart(bar + 1))) {
                int third = Math.floorMod(c.pitchClasses()[1] - c.root(), 12);
                sb.append(sb.isEmpty() ? "" : "-").append(MusicPlan.roman(c, third == 3));
            }
            out.add(sb.toString());
        }
        return out;
    }

    private static double minLocal(BeatGrid g, int finalBar) {
        double m = Double.MAX_VALUE;
        for (int b = g.firstDownbeat(); b < g.barStart(finalBar); b++) m = Math.min(m, g.bpmAt(b));
        return m == Double.MAX_VALUE ? g.bpm() : m;
    }

    private static double maxLocal(BeatGrid g, int finalBar) {
        double m = 0;
        for (int b = g.firstDownbeat(); b < g.barStart(finalBar); b++) m = Math.max(m, g.bpmAt(b));
        return m == 0 ? g.bpm() : m;
    }
}
