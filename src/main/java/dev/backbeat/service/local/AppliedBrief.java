package dev.backbeat.service.local;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Everything the chat has set so far, in one record: what {@code score --json} prints under
 * "applied" and what the phrasing table checks, so both judge the same thing. Times are seconds on
 * the clip the brief was resolved for.
 *
 * @param style        the style asked for (its label), or null for the footage's choice
 * @param mood         the mood asked for, or null
 * @param bpm          the tempo asked for (an exact one, or a relative change already worked out), or null
 * @param changes      changes over time: calmer / more energy / less busy / busier / fade-out, with their spans
 * @param moments      drops and builds with their times
 * @param titles       titles with their times
 * @param musicPercent the music's level in percent, where the user set or moved it (else null)
 * @param ducking      whether the music dips under speech
 * @param original     what happens to the clip's own sound: keep, lower or replace
 * @param photos       the photos' pace and motion as facts ("photo-seconds=2", "photos=every beat", "zoom=off")
 */
public record AppliedBrief(String style, String mood, Double bpm, Set<String> wanted, Set<String> unwanted,
                           List<Change> changes, List<Moment> moments, List<Title> titles, String aspect, String fit,
                           Double musicPercent, double volumeDeltaDb, boolean ducking, String original, String key,
                           long seed, List<String> photos) {

    /** The brief without photo settings. */
    public AppliedBrief(String style, String mood, Double bpm, Set<String> wanted, Set<String> unwanted,
                        List<Change> changes, List<Moment> moments, List<Title> titles, String aspect, String fit,
                        Double musicPercent, double volumeDeltaDb, boolean ducking, String original, String key, long seed) {
        this(style, mood, bpm, wanted, unwanted, changes, moments, titles, aspect, fit, musicPercent, volumeDeltaDb, ducking,
                original, key, seed, List.of());
    }

    public AppliedBrief {
        photos = photos == null ? List.of() : List.copyOf(photos);
    }

    public record Change(String kind, String span, double fromSec, double toSec) {
    }

    public record Moment(String kind, double sec) {
    }

    public record Title(String text, double fromSec, double toSec) {
    }

    /**
     * The brief as short facts ("style=LOFI", "drop=14", "title=Harbour Days@0-3", "no=drums",
     * "calmer=at the start"), the language the phrasing table states its expectations in.
     */
    public List<String> facts() {
        List<String> f = new ArrayList<>();
        if (style != null) f.add("style=" + style);
        if (mood != null) f.add("mood=" + mood);
        if (bpm != null) f.add("bpm=" + Math.round(bpm));
        wanted.forEach(w -> f.add("add=" + w));
        unwanted.forEach(u -> f.add("no=" + u));
        changes.forEach(c -> f.add(c.kind() + "=" + c.span()));
        moments.forEach(m -> f.add(m.kind() + "=" + number(m.sec())));
        titles.forEach(t -> f.add("title=" + t.text() + "@" + number(t.fromSec()) + "-" + number(t.toSec())));
        if (!aspect.equals("auto")) f.add("aspect=" + aspect);
        if (!fit.equals("pad")) f.add("fit=" + fit);
        if (musicPercent != null) f.add("volume=" + Math.round(musicPercent));
        if (volumeDeltaDb != 0) f.add(volumeDeltaDb < 0 ? "volume=quieter" : "volume=louder");
        if (!ducking) f.add("ducking=off");
        if (!original.equals("keep")) f.add("original=" + original);
        if (key != null) f.add("key=" + key);
        if (seed != 1) f.add("variation");
        f.addAll(photos);
        return f;
    }

    private static String number(double x) {
        return Math.abs(x - Math.rint(x)) < 1e-6 ? Long.toString(Math.round(x)) : String.format(Locale.ROOT, "%.1f", x);
    }
}
