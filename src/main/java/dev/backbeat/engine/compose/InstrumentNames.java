package dev.backbeat.engine.compose;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** General MIDI programs for the instrument words a user may ask for. */
final class InstrumentNames {

    private static final Map<String, Integer> PROGRAMS = Map.ofEntries(
            Map.entry("piano", 0), Map.entry("electric piano", 4), Map.entry("rhodes", 4),
            Map.entry("bells", 8), Map.entry("celesta", 8), Map.entry("vibraphone", 11),
            Map.entry("marimba", 12), Map.entry("organ", 19), Map.entry("guitar", 25),
            Map.entry("violin", 40), Map.entry("cello", 42), Map.entry("strings", 48),
            Map.entry("choir", 52), Map.entry("trumpet", 56), Map.entry("horn", 60),
            Map.entry("sax", 65), Map.entry("clarinet", 71), Map.entry("flute", 73),
            Map.entry("synth", 81), Map.entry("pad", 89));

    private InstrumentNames() {
    }

    static java.util.Collection<Integer> programs() {
        return PROGRAMS.values();
    }

    static int leadFor(Set<String> wanted, int fallback) {
        for (String w : wanted) {
            Integer p = PROGRAMS.get(w.toLowerCase(Locale.ROOT).trim());
            if (p != null) return p;
        }
        return fallback;
    }
}
