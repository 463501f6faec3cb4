package dev.backbeat.engine.compose;

import java.util.List;
import java.util.Set;

/**
 * What the user asked for. Every field may be left out (null or empty); what the user did not say
 * is read from the video's profile.
 *
 * @param style       the arrangement style, or null to pick one from the mood
 * @param mood        mood words ("calm", "dark", "happy", "energetic", "tense", "sad"), or null
 * @param bpm         an exact tempo, or null
 * @param minBpm      the lowest tempo allowed, or null
 * @param maxBpm      the highest tempo allowed, or null
 * @param wanted      instruments or parts asked for ("piano", "strings", "guitar")
 * @param unwanted    instruments or parts to leave out ("drums", "melody", "bass")
 * @param intensity   intensity changes over time ranges
 * @param key         a key such as "D minor" or "Bb major", or null
 * @param volumeDb    music volume relative to the engine's level, in dB (0 = as mastered)
 * @param seed        the seed: the same seed gives the same piece
 * @param drops       times in seconds where a build should end in a drop (the first downbeat of a
 *                    peak), as asked in the chat ("build up at 0:30", "a drop at 0:14"); may be empty
 */
public record Brief(Style style, String mood, Double bpm, Double minBpm, Double maxBpm,
                    Set<String> wanted, Set<String> unwanted, List<IntensityChange> intensity,
                    String key, double volumeDb, long seed, List<Double> drops) {

    /** Make a part louder or busier (delta &gt; 0) or quieter and sparser (delta &lt; 0), -1..1. */
    public record IntensityChange(double startSec, double endSec, double delta) {
    }

    public Brief {
        wanted = wanted == null ? Set.of() : Set.copyOf(wanted);
        unwanted = unwanted == null ? Set.of() : Set.copyOf(unwanted);
        intensity = intensity == null ? List.of() : List.copyOf(intensity);
        drops = drops == null ? List.of() : drops.stream().filter(t -> t != null && t >= 0).sorted().toList();
        if (bpm != null && (bpm < 40 || bpm > 220)) {
            throw new ComposeException("A tempo of " + bpm + " BPM is out of range: choose 40 to 220.");
        }
    }

    /** A brief without drops. */
    public Brief(Style style, String mood, Double bpm, Double minBpm, Double maxBpm, Set<String> wanted,
                 Set<String> unwanted, List<IntensityChange> intensity, String key, double volumeDb, long seed) {
        this(style, mood, bpm, minBpm, maxBpm, wanted, unwanted, intensity, key, volumeDb, seed, List.of());
    }

    public static Brief of(Style style, long seed) {
        return new Brief(style, null, null, null, null, null, null, null, null, 0, seed);
    }

    public Brief withStyle(Style s) {
        return new Brief(s, mood, bpm, minBpm, maxBpm, wanted, unwanted, intensity, key, volumeDb, seed, drops);
    }

    public Brief withMood(String m) {
        return new Brief(style, m, bpm, minBpm, maxBpm, wanted, unwanted, intensity, key, volumeDb, seed, drops);
    }

    public Brief withBpm(Double b) {
        return new Brief(style, mood, b, minBpm, maxBpm, wanted, unwanted, intensity, key, volumeDb, seed, drops);
    }

    public Brief withSeed(long s) {
        return new Brief(style, mood, bpm, minBpm, maxBpm, wanted, unwanted, intensity, key, volumeDb, s, drops);
    }

    /** The same brief with a drop (a build ending in a peak) at each of these times, in seconds. */
    public Brief withDrops(List<Double> times) {
        return new Brief(style, mood, bpm, minBpm, maxBpm, wanted, unwanted, intensity, key, volumeDb, seed, times);
    }

    public boolean excludes(String part) {
        return unwanted.contains(part);
    }

    /** The sum of intensity changes the user asked for at a time. */
    public double intensityAt(double sec) {
        double d = 0;
        for (IntensityChange c : intensity) {
            if (sec >= c.startSec() && sec < c.endSec()) {
                d += c.delta();
            }
        }
        return d;
    }
}
