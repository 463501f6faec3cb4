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
 * @param moments     points the user asked the music to mark ("a drop at 0:14", "build up to 0:30"), in time order
 */
public record Brief(Style style, String mood, Double bpm, Double minBpm, Double maxBpm,
                    Set<String> wanted, Set<String> unwanted, List<IntensityChange> intensity,
                    String key, double volumeDb, long seed, List<Moment> moments) {

    /**
     * A point in the clip the music should mark. A {@code DROP} lands at {@code sec} (the beat comes
     * back in full after a short breath); a {@code BUILD} rises towards {@code sec} and arrives there.
     * The intensity changes that go with it are in {@link #intensity()} too, so a composer that reads
     * only those still does something sensible.
     */
    public record Moment(Kind kind, double sec) {
        public enum Kind { DROP, BUILD }

        public Moment {
            if (kind == null || !(sec >= 0)) {
                throw new ComposeException("A moment needs a kind and a time at or after the start.");
            }
        }
    }

    /** Make a part louder or busier (delta &gt; 0) or quieter and sparser (delta &lt; 0), -1..1. */
    public record IntensityChange(double startSec, double endSec, double delta) {
    }

    public Brief {
        wanted = wanted == null ? Set.of() : Set.copyOf(wanted);
        unwanted = unwanted == null ? Set.of() : Set.copyOf(unwanted);
        intensity = intensity == null ? List.of() : List.copyOf(intensity);
        moments = moments == null ? List.of() : moments.stream()
                .sorted(java.util.Comparator.comparingDouble(Moment::sec)).toList();
        if (bpm != null && (bpm < 40 || bpm > 220)) {
            throw new ComposeException("A tempo of " + bpm + " BPM is out of range: choose 40 to 220.");
        }
    }

    /** A brief without moments. */
    public Brief(Style style, String mood, Double bpm, Double minBpm, Double maxBpm,
                 Set<String> wanted, Set<String> unwanted, List<IntensityChange> intensity,
                 String key, double volumeDb, long seed) {
        this(style, mood, bpm, minBpm, maxBpm, wanted, unwanted, intensity, key, volumeDb, seed, List.of());
    }

    public static Brief of(Style style, long seed) {
        return new Brief(style, null, null, null, null, null, null, null, null, 0, seed);
    }

    public Brief withStyle(Style s) {
        return new Brief(s, mood, bpm, minBpm, maxBpm, wanted, unwanted, intensity, key, volumeDb, seed, moments);
    }

    public Brief withMood(String m) {
        return new Brief(style, m, bpm, minBpm, maxBpm, wanted, unwanted, intensity, key, volumeDb, seed, moments);
    }

    public Brief withBpm(Double b) {
        return new Brief(style, mood, b, minBpm, maxBpm, wanted, unwanted, intensity, key, volumeDb, seed, moments);
    }

    public Brief withSeed(long s) {
        return new Brief(style, mood, bpm, minBpm, maxBpm, wanted, unwanted, intensity, key, volumeDb, s, moments);
    }

    public Brief withMoments(List<Moment> m) {
        return new Brief(style, mood, bpm, minBpm, maxBpm, wanted, unwanted, intensity, key, volumeDb, seed, m);
    }

    /**
     * Where the music should peak, in seconds: every drop and every build asked for (a build
     * arrives at its time, a drop lands on it), as the composition places a peak's first downbeat.
     */
    public List<Double> drops() {
        return moments.stream().map(Moment::sec).toList();
    }

    /** The same brief with a drop at each of these times, in seconds (the CLI's {@code --drop}). */
    public Brief withDrops(List<Double> times) {
        List<Moment> all = new java.util.ArrayList<>(moments);
        if (times != null) {
            times.stream().filter(t -> t != null && t >= 0).forEach(t -> all.add(new Moment(Moment.Kind.DROP, t)));
        }
        return withMoments(all);
    }

    /** The moments of one kind, in time order. */
    public List<Moment> moments(Moment.Kind kind) {
        return moments.stream().filter(m -> m.kind() == kind).toList();
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
