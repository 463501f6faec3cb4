package dev.backbeat.engine.compose;

import dev.backbeat.engine.analysis.VideoProfile;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Turns the plan (grid, sections, chords) into notes for drums, bass, harmony and melody in a
 * style: density follows each bar's energy, the bars vary within a phrase, the intro brings the
 * parts in one by one, fills, rolls and swells announce new sections, a drop asked for gets its
 * build, breath and hit, cuts get their hit points, and under speech the lead rests and the rest
 * thins out so a voice stays clear.
 */
public final class Arranger {

    static final int PAD_CHANNEL = 1;

    private final StyleSpec spec;
    private final Brief brief;
    private final Random rng;

    public Arranger(StyleSpec spec, Brief brief, Random rng) {
        this.spec = spec;
        this.brief = brief;
        this.rng = rng;
    }

    public Score arrange(VideoProfile profile, Key key, BeatGrid grid, SectionPlanner.Plan plan, List<Chord> chords,
                         List<HitPoints.Hit> hits) {
        List<Note> notes = new ArrayList<>();
        List<Section> sections = plan.sections();
        PadVoicer padVoicer = new PadVoicer(52, 74);
        PadVoicer compVoicer = new PadVoicer(spec.comp() == 0 ? 55 : 52, 79);
        MelodyWriter melody = new MelodyWriter(rng, spec.leadBase());
        DrumPattern drums = new DrumPattern();
        BassLine bass = new BassLine();
        Comping comping = new Comping();
        boolean wantDrums = spec.hasDrums() && !brief.excludes("drums");
        boolean wantBass = !brief.excludes("bass");
        boolean wantLead = !brief.excludes("melody") && !brief.excludes("lead");
        boolean wantPad = spec.pad() >= 0 && !brief.excludes("pad");
        int finalBeat = plan.finalBeat();
        int phrases = 0;
        List<double[]> silences = new ArrayList<>();
        for (int s = 0; s < sections.size(); s++) {
            Section sec = sections.get(s);
            if (sec.role() == Section.Role.ENDING) continue;
            Section next = s + 1 < sections.size() ? sections.get(s + 1) : null;
            // The last section plays on into the ending bar when the tonic enters mid-bar.
            int endBar = sec.endBar() + (next != null && next.role() == Section.Role.ENDING
                    && finalBeat > grid.barStart(next.startBar()) ? 1 : 0);
            for (int bar = sec.startBar(); bar < endBar; bar++) {
                int start = grid.barStart(bar);
                double t0 = grid.times()[start];
                double t1 = grid.timeOf(start + 4);
                boolean speech = speechIn(profile, t0, t1);
                double e = plan.barEnergy()[Math.min(bar, plan.barEnergy().length - 1)];
                int level = level(e, sec.role());
                if (speech) level = Math.min(level, 1);
                int vel = (int) Math.round(46 + 52 * e) - (speech ? 10 : 0);
                // A build swells towards the section it leads into.
                if (sec.role() == Section.Role.BUILD) vel += 4 * (bar - sec.startBar()) - 4;
                Chord nextChord = ChordProgression.at(chords, start + 4);
                int inSection = bar - sec.startBar();
                boolean intro = sec.role() == Section.Role.INTRO;
                int introBars = sec.bars();
                boolean introDrums = intro && (introBars == 1 || inSection == introBars - 1);
                boolean busy = level >= 3 && e >= 0.72 && !speech;
                List<Chord> inBar = ChordProgression.within(chords, start, start + 4);
                for (int k = 0; k < inBar.size(); k++) {
                    Chord chord = inBar.get(k);
                    double from = Math.max(start, chord.startBeat());
                    double to = Math.min(start + 4, chord.endBeat());
                    Chord after = k + 1 < inBar.size() ? inBar.get(k + 1) : nextChord;
                    if (wantPad) {
                        for (int p : padVoicer.voice(chord)) {
                            notes.add(new Note(Note.Stem.HARMONY, PAD_CHANNEL, from, to - from - 0.05, p, vel - 14, false));
                        }
                    }
                    // Parts are written for the whole bar on each chord, then cut to the chord's span.
                    // Under a voice the comping settles into held chords; the pad keeps the harmony.
                    StyleSpec.Comp pattern = speech && wantPad ? StyleSpec.Comp.BLOCK : spec.compPattern();
                    List<Note> part = new ArrayList<>(comping.bar(pattern, compVoicer.voice(chord), start, level, vel - 4, busy));
                    // In the intro the bass comes in for its last bar, after the harmony has set the key.
                    boolean bassIn = !intro || spec.groove() == StyleSpec.Groove.NONE || (introBars >= 2 && inSection == introBars - 1);
                    if (wantBass && bassIn) {
                        part.addAll(bass.bar(spec.groove(), key, chord, after, start, level, vel, inSection % 4 == 3));
                    }
                    for (Note n : part) {
                        if (n.beat() < from - 1e-9 || n.beat() >= to - 1e-9) continue;
                        double len = Math.min(n.length(), to - n.beat() + (k + 1 < inBar.size() ? 0 : 4));
                        notes.add(new Note(n.stem(), n.channel(), n.beat(), len, n.pitch(), n.velocity(), n.accent()));
                    }
                }
                boolean beforeDrop = plan.dropAt(bar + 1);
                boolean lastBar = bar == endBar - 1 && next != null && next.role() != Section.Role.ENDING;
                // Into a peak the build rolls and swells even where no drop was asked for.
                boolean intoPeak = lastBar && next.role() == Section.Role.PEAK && sec.role() != Section.Role.PEAK && level >= 2;
                if (wantDrums) {
                    DrumPattern.Fill fill = lastBar && next.energy() >= sec.energy() - 0.05 && level >= 2 && !beforeDrop
                            ? DrumPattern.Fill.FULL : inSection % 8 == 7 || (level >= 3 && inSection % 4 == 3)
                            ? DrumPattern.Fill.SHORT : DrumPattern.Fill.NONE;
                    int variant = (s + inSection / 8) % 2;
                    // The intro's light layer is the one the verse will play (hats in eighths, the shaker).
                    int drumLevel = intro ? Math.max(2, level) : level;
                    for (DrumPattern.Hit h : drums.bar(spec.groove(), drumLevel, intro ? 0 : e, inSection % 8, variant,
                            intro ? DrumPattern.Fill.NONE : fill)) {
                        // Hats and shakers sit where a voice's consonants are: they rest under speech.
                        if (speech && DrumPattern.isMetal(h.drum())) continue;
                        // Before a drop or a peak the roll takes the second half of the bar.
                        if ((beforeDrop || intoPeak) && h.step() >= 8 && h.drum() != DrumPattern.KICK) continue;
                        // The intro sets the groove part by part: hats first, in its last bar (its second half if short).
                        // (A film score's intro has no hats: its low tom pulse comes in instead.)
                        boolean light = DrumPattern.isMetal(h.drum())
                                || (spec.groove() == StyleSpec.Groove.CINEMATIC && h.drum() == DrumPattern.FLOOR_TOM);
                        if (intro && (!light || !introDrums || (introBars == 1 && h.step() < 8))) continue;
                        notes.add(new Note(Note.Stem.DRUMS, Note.DRUM_CHANNEL, start + h.step() / 4.0, 0.25, h.drum(),
                                h.velocity() - 60 + vel - (speech ? 8 : 0), false));
                    }
                    // A new section opens on a crash (the drums' entry after the intro too), except a calm break.
                    if (inSection == 0 && s > 0 && !intro && sec.role() != Section.Role.BREAK && !speech && !plan.dropAt(bar)) {
                        notes.add(new Note(Note.Stem.DRUMS, Note.DRUM_CHANNEL, start, 1, DrumPattern.CRASH, Math.min(110, vel + 14), false));
                    }
                }
                if (beforeDrop || (intoPeak && !speech)) {
                    int drop = start + 4;
                    if (wantDrums) {
                        notes.addAll(Transitions.snareRoll(start, Math.min(118, vel + (beforeDrop ? 20 : 8))));
                        notes.addAll(Transitions.cymbalSwell(drop, 2, beforeDrop ? 96 : 80));
                    } else {
                        notes.addAll(Transitions.risingRun(compVoicer.voice(nextChord), start, Comping.CHANNEL, Math.min(110, vel + 10)));
                    }
                }
                if (lastBar && !beforeDrop && !intoPeak && next.role() == Section.Role.BUILD && wantDrums && !speech) {
                    notes.addAll(Transitions.cymbalSwell(start + 4, 1, 72));
                }
                if (beforeDrop) {
                    int drop = start + 4;
                    // A breath: the last half-beat before the drop is silent but for the swell.
                    silences.add(new double[] {drop - 0.5, drop});
                    notes.addAll(Transitions.dropHit(drop, nextChord, compVoicer.voice(nextChord), wantDrums, Comping.CHANNEL));
                }
            }
            boolean leadHere = wantLead && sec.role() != Section.Role.INTRO;
            for (int bar = sec.startBar(); leadHere && bar < endBar; bar += 4) {
                int bars = Math.min(4, endBar - bar);
                int level = level(plan.barEnergy()[bar], sec.role());
                int vel = (int) Math.round(56 + 46 * plan.barEnergy()[bar]);
                for (Note n : melody.phrase(key, chords, grid.barStart(bar), bars, phrases++, level, vel, sec.role())) {
                    double t = grid.timeOf(n.beat());
                    if (!speechIn(profile, t - 0.3, grid.timeOf(n.beat() + n.length()) + 0.3)) notes.add(n);
                }
            }
        }
        HitPoints.realise(hits, profile, grid, chords, spec, finalBeat, wantDrums, notes, silences);
        silence(notes, silences);
        addEnding(profile, key, grid, finalBeat, chords, notes, padVoicer, compVoicer, melody, wantDrums && wantLead);
        addPickup(grid, chords, notes, compVoicer);
        List<Note> played = new ArrayList<>();
        Humanizer human = new Humanizer(rng, spec.swing(), 0.012, 5);
        for (Note n : notes) {
            Note h = human.apply(n);
            if (!n.accent() && n.beat() >= finalBeat - 1e-9) continue;
            if (h.beat() < finalBeat && h.beat() + h.length() > finalBeat) {
                h = new Note(h.stem(), h.channel(), h.beat(), finalBeat - h.beat(), h.pitch(), h.velocity(), h.accent());
            }
            played.add(h);
        }
        return new Score(grid, instruments(wantDrums), played, profile.durationSec());
    }

    /** Stops every part but the accents over each [from, to) in beats: a breath before a drop or a hit. */
    private static void silence(List<Note> notes, List<double[]> windows) {
        for (double[] w : windows) {
            notes.removeIf(n -> !n.accent() && n.beat() >= w[0] - 1e-9 && n.beat() < w[1] - 1e-9);
            notes.replaceAll(n -> !n.accent() && n.beat() < w[0] && n.beat() + n.length() > w[0]
                    ? new Note(n.stem(), n.channel(), n.beat(), w[0] - n.beat(), n.pitch(), n.velocity(), false) : n);
        }
    }

    private static int level(double e, Section.Role role) {
        int l = e < 0.33 ? 1 : e < 0.62 ? 2 : 3;
        return switch (role) {
            case INTRO, OUTRO -> 1;
            case BREAK -> Math.max(1, l - 1);
            case PEAK -> Math.min(3, l + 1);
            default -> l;
        };
    }

    /** The tonic on the last downbeat, held so its tail ends with the clip. */
    private void addEnding(VideoProfile profile, Key key, BeatGrid grid, int finalBeat, List<Chord> chords,
                           List<Note> notes, PadVoicer pad, PadVoicer comp, MelodyWriter melody, boolean crash) {
        double end = grid.beatAt(Math.max(grid.times()[finalBeat] + 0.2, profile.durationSec() - 0.35));
        double len = end - finalBeat;
        Chord tonic = ChordProgression.at(chords, finalBeat);
        int v = 80;
        if (spec.pad() >= 0 && !brief.excludes("pad")) {
            for (int p : pad.voice(tonic)) notes.add(new Note(Note.Stem.HARMONY, PAD_CHANNEL, finalBeat, len, p, v - 14, true));
        }
        for (int p : comp.voice(tonic)) notes.add(new Note(Note.Stem.HARMONY, Comping.CHANNEL, finalBeat, len, p, v, true));
        notes.add(new Note(Note.Stem.BASS, 3, finalBeat, len, tonic.rootAtOrAbove(33), v + 5, true));
        double t = grid.times()[finalBeat];
        if (!speechIn(profile, t - 0.3, profile.durationSec()) && !brief.excludes("melody")) {
            notes.add(melody.ending(key, finalBeat, len, v));
        }
        if (crash) {
            notes.add(new Note(Note.Stem.DRUMS, Note.DRUM_CHANNEL, finalBeat, 1, DrumPattern.CRASH, 90, true));
            notes.add(new Note(Note.Stem.DRUMS, Note.DRUM_CHANNEL, finalBeat, 1, DrumPattern.KICK, 100, true));
        }
    }

    /** A soft tonic under the pickup before the first downbeat, so the music starts with the picture. */
    private void addPickup(BeatGrid grid, List<Chord> chords, List<Note> notes, PadVoicer comp) {
        int first = grid.firstDownbeat();
        if (first == 0 || grid.times()[first] < 0.25) return;
        Chord tonic = ChordProgression.at(chords, 0);
        int channel = spec.pad() >= 0 ? PAD_CHANNEL : Comping.CHANNEL;
        for (int p : comp.voice(tonic)) {
            notes.add(new Note(Note.Stem.HARMONY, channel, 0, first, p, 50, true));
        }
    }

    private static boolean speechIn(VideoProfile p, double t0, double t1) {
        return HitPoints.speechIn(p, t0, t1);
    }

    private List<Instrument> instruments(boolean drums) {
        List<Instrument> list = new ArrayList<>();
        int lead = InstrumentNames.leadFor(brief.wanted(), spec.lead());
        list.add(new Instrument("lead", Note.Stem.MELODY, MelodyWriter.CHANNEL, 0, lead, 96, 74, 55));
        if (spec.pad() >= 0) list.add(new Instrument("pad", Note.Stem.HARMONY, PAD_CHANNEL, 0, spec.pad(), 70, 52, 75));
        list.add(new Instrument("comp", Note.Stem.HARMONY, Comping.CHANNEL, 0, spec.comp(), 88, 58, 50));
        list.add(new Instrument("bass", Note.Stem.BASS, 3, 0, spec.bass(), 104, 64, 25));
        if (drums) list.add(new Instrument("drums", Note.Stem.DRUMS, Note.DRUM_CHANNEL, 128, spec.drumKit(), 104, 64, 35));
        return list;
    }
}
