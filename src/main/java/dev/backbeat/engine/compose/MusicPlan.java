package dev.backbeat.engine.compose;

import com.google.gson.GsonBuilder;

import java.util.List;
import java.util.Locale;

/**
 * What was decided before any note: tempo, metre, key, sections, chords, instruments, the beat
 * grid in seconds and how well it fits the cuts. Printable, and serialisable with Gson.
 *
 * @param bpm                 the base tempo
 * @param minBpm              the slowest local tempo (beat to beat) before the ending
 * @param maxBpm              the fastest local tempo before the ending
 * @param hitRate             the share of hard cuts within ±50 ms of the grid: a beat or the off-beat
 *                            eighth between two beats, where the music plays the cut's hit
 * @param constantHitRate     the same share at the best single fixed tempo
 * @param beatHitRate         the share of hard cuts within ±50 ms of a beat proper
 * @param constantBeatHitRate the same share at the best single fixed tempo
 * @param levelDb the mix's target loudness (RMS dBFS): calmer pieces are mastered softer
 * @param cutCatches          how every hard cut is caught by the music (hit points)
 * @param drops               the drops asked for and where they landed
 */
public record MusicPlan(Style style, double bpm, double minBpm, double maxBpm, int beatsPerBar, String key,
                        List<Section> sections, List<String> chords, List<Instrument> instruments,
                        double[] beatTimes, int firstDownbeat, int hardCuts, double constantHitRate, double hitRate,
                        double constantBeatHitRate, double beatHitRate, double durationSec, double tonicAtSec, double levelDb, long seed,
                        List<CutCatch> cutCatches, List<DropMark> drops) {

    public MusicPlan {
        cutCatches = cutCatches == null ? List.of() : List.copyOf(cutCatches);
        drops = drops == null ? List.of() : List.copyOf(drops);
    }

    /** A plan that records no hit points and no drops. */
    public MusicPlan(Style style, double bpm, double minBpm, double maxBpm, int beatsPerBar, String key,
                     List<Section> sections, List<String> chords, List<Instrument> instruments,
                     double[] beatTimes, int firstDownbeat, int hardCuts, double constantHitRate, double hitRate,
                     double constantBeatHitRate, double beatHitRate, double durationSec, double tonicAtSec, double levelDb,
                     long seed) {
        this(style, bpm, minBpm, maxBpm, beatsPerBar, key, sections, chords, instruments, beatTimes, firstDownbeat,
                hardCuts, constantHitRate, hitRate, constantBeatHitRate, beatHitRate, durationSec, tonicAtSec, levelDb,
                seed, List.of(), List.of());
    }

    /** The share of cuts at least {@code minStrength} strong that the music catches (1 when there are none). */
    public double caughtShare(double minStrength) {
        long n = cutCatches.stream().filter(c -> c.strength() >= minStrength).count();
        long caught = cutCatches.stream().filter(c -> c.strength() >= minStrength && c.caught()).count();
        return n == 0 ? 1 : caught / (double) n;
    }

    private static final String[] ROMAN = {"I", "II", "III", "IV", "V", "VI", "VII"};

    static String roman(Chord c, boolean minorQuality) {
        String r = ROMAN[Math.floorMod(c.degree(), 7)];
        return minorQuality ? r.toLowerCase(Locale.ROOT) : r;
    }

    public String describe() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "Style:    %s%n", style.label()));
        sb.append(String.format(Locale.ROOT, "Tempo:    %.1f BPM (%.1f-%.1f where it follows the cuts), %d/4%n",
                bpm, minBpm, maxBpm, beatsPerBar));
        sb.append(String.format(Locale.ROOT, "Key:      %s%n", key));
        sb.append(String.format(Locale.ROOT, "Length:   %.2f s, %d bars%n", durationSec,
                sections.get(sections.size() - 1).endBar()));
        sb.append(String.format(Locale.ROOT, "Cuts:     %d hard cuts, %.0f%% on the grid (±50 ms of a beat or an off-beat eighth; "
                + "%.0f%% at one fixed tempo), %.0f%% on a beat (%.0f%% at one fixed tempo)%n",
                hardCuts, 100 * hitRate, 100 * constantHitRate, 100 * beatHitRate, 100 * constantBeatHitRate));
        sb.append("Sections:\n");
        for (Section s : sections) {
            double t = beatTimes[Math.min(beatTimes.length - 1, firstDownbeat + s.startBar() * beatsPerBar)];
            sb.append(String.format(Locale.ROOT, "  %-6s bars %3d-%-3d at %6.2f s  energy %.2f  %s%n",
                    s.role().name().toLowerCase(Locale.ROOT), s.startBar() + 1, s.endBar(), t, s.energy(),
                    String.join(" ", chords.subList(Math.min(chords.size(), s.startBar()),
                            Math.min(chords.size(), Math.min(s.endBar(), s.startBar() + 8))))));
        }
        if (!cutCatches.isEmpty()) {
            java.util.Map<CutCatch.How, Integer> counts = new java.util.EnumMap<>(CutCatch.How.class);
            for (CutCatch c : cutCatches) counts.merge(c.how(), 1, Integer::sum);
            StringBuilder how = new StringBuilder();
            counts.forEach((h, n) -> how.append(how.isEmpty() ? "" : ", ").append(n).append(' ').append(h.words()));
            sb.append(String.format(Locale.ROOT, "Hits:     %.0f%% of strong cuts caught (%.0f%% of all): %s%n",
                    100 * caughtShare(0.5), 100 * caughtShare(0), how));
            for (CutCatch c : cutCatches) {
                sb.append(String.format(Locale.ROOT, "  cut %6.2f s  strength %.2f  %-12s%s%n", c.timeSec(), c.strength(),
                        c.how().words(), c.caught() ? String.format(Locale.ROOT, " at %6.2f s (%+.0f ms)", c.atSec(), c.errorMs()) : ""));
            }
        }
        for (DropMark d : drops) {
            sb.append(d.placed()
                    ? String.format(Locale.ROOT, "Drop:     asked at %.2f s, the peak's first downbeat at %.2f s (%+.2f beat)%n",
                            d.askedSec(), d.atSec(), d.errorBeats())
                    : String.format(Locale.ROOT, "Drop:     asked at %.2f s, too close to the start or the ending to build to%n",
                            d.askedSec()));
        }
        sb.append(String.format(Locale.ROOT, "Ending:   the tonic enters at %.2f s and rings to the last frame (%.2f s)%n",
                tonicAtSec, durationSec));
        sb.append("Parts:    ");
        for (Instrument i : instruments) sb.append(i.part()).append(" (GM ").append(i.program()).append(") ");
        return sb.toString().trim();
    }

    public String toJson() {
        return new GsonBuilder().setPrettyPrinting().create().toJson(this);
    }
}
