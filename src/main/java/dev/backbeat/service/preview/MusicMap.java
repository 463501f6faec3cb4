package dev.backbeat.service.preview;

import java.util.List;

/**
 * The music's structure in timeline seconds, for the timeline to draw and the inspector to show.
 *
 * @param style         the style's name ("Lo-fi")
 * @param bpm           the base tempo
 * @param key           "A minor"
 * @param beatsPerBar   the metre
 * @param beats         every beat's time, in order (beats before the first downbeat are a pickup)
 * @param firstDownbeat index into {@code beats} of bar 1's first beat
 * @param sections      the sections in order (intro, build, peak, outro…)
 * @param energy        the music's energy over time (0-1), a point per bar or finer
 * @param cuts          the hard cuts of the footage and whether the music catches each
 * @param speech        where someone speaks (the music ducks there)
 * @param volumePercent the music's volume as set (0-100)
 */
public record MusicMap(String style, double bpm, String key, int beatsPerBar, double[] beats, int firstDownbeat,
                       List<SectionMark> sections, List<EnergyPoint> energy, List<CutMark> cuts,
                       List<Span> speech, double volumePercent) {

    public MusicMap {
        beats = beats.clone();
        sections = List.copyOf(sections);
        energy = List.copyOf(energy);
        cuts = List.copyOf(cuts);
        speech = List.copyOf(speech);
    }

    @Override
    public double[] beats() {
        return beats.clone();
    }

    /** The times where bars start (every {@code beatsPerBar}-th beat from the first downbeat). */
    public double[] barTimes() {
        int n = beats.length <= firstDownbeat ? 0 : (beats.length - firstDownbeat + beatsPerBar - 1) / beatsPerBar;
        double[] bars = new double[n];
        for (int i = 0; i < n; i++) bars[i] = beats[firstDownbeat + i * beatsPerBar];
        return bars;
    }

    /** A section: its name as the user reads it ("intro"), where it starts and ends, its energy 0-1. */
    public record SectionMark(String name, double startSec, double endSec, double energy) {
    }

    public record EnergyPoint(double timeSec, double value) {
    }

    /**
     * A hard cut and how the music meets it: {@code caught} when a beat, an off-beat or an accent
     * lands within 50 ms of it, or an impact, a chord change or a stop marks it where it falls;
     * {@code how} says which ("beat", "off-beat", "accent", "impact", "chord change", "stop"), or is empty.
     */
    public record CutMark(double timeSec, double strength, boolean caught, String how) {
    }

    public record Span(double startSec, double endSec) {
    }
}
