package dev.backbeat.engine.synth;

import dev.backbeat.engine.compose.DrumPattern;
import dev.backbeat.engine.compose.Style;
import dev.backbeat.engine.compose.StyleLibrary;
import dev.backbeat.engine.compose.StyleSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The notes the styles can play, as audit probes: each melodic program at low, middle and high keys
 * of every part it plays (bass, harmony, lead), each drum kit at every key the patterns use, each at
 * a soft, a middle and a hard velocity.
 */
public final class StyleProbes {

    /** Soft, middle and hard: the composer plays 30-127. */
    public static final int[] VELOCITIES = {40, 80, 120};
    // Low, middle and high keys of each part, about what the composer plays today (bass 33-55, harmony
    // 48-84, lead 57-98; the bass a little lower); the lead stops at 96, where the horn samples end.
    static final int[] BASS_KEYS = {28, 40, 55}, HARMONY_KEYS = {45, 62, 84}, LEAD_KEYS = {57, 79, 96};

    private StyleProbes() {
    }

    public static List<SoundFontAudit.Probe> all() {
        Map<Integer, SortedSet<Integer>> keys = new TreeMap<>();
        Map<Integer, SortedSet<String>> parts = new TreeMap<>();
        for (Style style : Style.values()) {
            StyleSpec s = StyleLibrary.spec(style);
            add(keys, parts, s.bass(), BASS_KEYS, "bass");
            add(keys, parts, s.pad(), HARMONY_KEYS, "pad");
            add(keys, parts, s.comp(), HARMONY_KEYS, "comp");
            add(keys, parts, s.lead(), LEAD_KEYS, "lead");
        }
        List<SoundFontAudit.Probe> out = new ArrayList<>();
        for (var e : keys.entrySet()) {
            out.add(new SoundFontAudit.Probe(String.join("/", parts.get(e.getKey())), 0, e.getKey(),
                    e.getValue().stream().mapToInt(Integer::intValue).toArray(), VELOCITIES));
        }
        for (int kit : StyleLibrary.drumKits()) {
            out.add(new SoundFontAudit.Probe("drums", 128, kit, DrumPattern.keysUsed(), VELOCITIES));
        }
        return out;
    }

    private static void add(Map<Integer, SortedSet<Integer>> keys, Map<Integer, SortedSet<String>> parts, int program,
                            int[] range, String part) {
        if (program < 0) return;
        SortedSet<Integer> k = keys.computeIfAbsent(program, p -> new TreeSet<>());
        for (int key : range) k.add(key);
        parts.computeIfAbsent(program, p -> new TreeSet<>()).add(part);
    }
}
