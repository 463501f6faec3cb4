package dev.backbeat.service.local;

import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;

/** One change a chat message asks of the local engine's music, title or export. */
public sealed interface MusicEdit {

    /** calm, happy, energetic, epic, sad, tense, romantic, dreamy, dark, inspiring, playful, nostalgic, mysterious. */
    record Mood(String mood) implements MusicEdit {
    }

    /**
     * lofi, cinematic, pop, acoustic, electronic, corporate, piano, suspense; {@code asked} is the
     * user's own word when it named a genre we play as its nearest style ("hip hop", "synthwave"), else "".
     */
    record Style(String style, String asked) implements MusicEdit {
        public Style(String style) {
            this(style, "");
        }
    }

    /** An exact tempo, or a factor on the current one (faster 1.15, half time 0.5). */
    record Tempo(OptionalInt bpm, double factor) implements MusicEdit {
    }

    /** An exact music volume in percent, or a change in dB (quieter -4). */
    record Volume(OptionalInt percent, double deltaDb) implements MusicEdit {
    }

    /** Instruments to add and to drop; {@code only} drops all but {@code add}. */
    record Instruments(Set<String> add, Set<String> remove, boolean only) implements MusicEdit {
    }

    /**
     * More or less energy over a span: {@code delta} -1..1. {@code shape} is "level" (a steady
     * change), "build" (rising into the span's start) or "drop" (a hit at the span's start).
     */
    record Intensity(TimeSpan span, double delta, String shape) implements MusicEdit {
    }

    /** A title overlay; start and duration in seconds. */
    record Title(String text, double startSec, double durationSec) implements MusicEdit {
    }

    /** "16:9", "9:16" or "1:1". */
    record Aspect(String aspect) implements MusicEdit {
    }

    /** How a picture of another shape fills the frame: "pad" (black bars) or "crop" (fill, cutting the edges). */
    record Fit(String fit) implements MusicEdit {
    }

    record Ducking(boolean on) implements MusicEdit {
    }

    /** Another piece in the same brief (a new seed). */
    record Variation() implements MusicEdit {
    }

    /** A key and/or mode: key may be empty ("minor key"), mode "major" or "minor" or empty. */
    record Key(String key, String mode) implements MusicEdit {
    }

    /** Back to an earlier piece: the first one of the session, or the one before the last change. */
    record Revert(boolean first) implements MusicEdit {
    }

    /** Something asked for that the local engine cannot do, with the nearest thing it can (or ""). */
    record Unsupported(String what, String nearest) implements MusicEdit {
    }

    /** What to do with the clip's own sound: keep, lower, or replace (mute). */
    record OriginalSound(String mode, OptionalDouble percent) implements MusicEdit {
    }

    /**
     * How the photos are paced and moved: seconds per photo, a factor on the hold (slower 1.3),
     * a new photo on every beat, the pan and zoom on or off; null where not asked.
     */
    record Photos(Double seconds, double factor, Boolean everyBeat, Boolean zoom) implements MusicEdit {
    }
}
