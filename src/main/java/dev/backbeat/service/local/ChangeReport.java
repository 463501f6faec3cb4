package dev.backbeat.service.local;

import dev.backbeat.engine.compose.MusicPlan;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Says in plain words what a chat turn changed: "Calm now: 84 → 72 BPM, piano lead. BGM 0-62 s at 35%." */
final class ChangeReport {
    private ChangeReport() {
    }

    static String describe(List<String> asked, MusicPlan before, MusicPlan after, double musicPercent) {
        StringBuilder sb = new StringBuilder();
        String head = asked.isEmpty() ? "Updated" : capitalise(String.join(", ", asked));
        sb.append(head).append(" now: ");
        List<String> facts = new ArrayList<>();
        if (before != null && Math.round(before.bpm()) != Math.round(after.bpm())) {
            facts.add(Math.round(before.bpm()) + " → " + Math.round(after.bpm()) + " BPM");
        } else {
            facts.add(Math.round(after.bpm()) + " BPM");
        }
        if (before == null || before.style() != after.style()) {
            facts.add(after.style().label());
        }
        if (before == null || !before.key().equals(after.key())) {
            facts.add(after.key());
        }
        if (after.hardCuts() > 0) {
            facts.add(String.format(Locale.ROOT, "%d of %d cuts on the beat grid", Math.round(after.hitRate() * after.hardCuts()),
                    after.hardCuts()));
        }
        sb.append(String.join(", ", facts)).append('.');
        sb.append(String.format(Locale.ROOT, " BGM 0-%s at %d%%.", seconds(after.durationSec()), Math.round(musicPercent)));
        return sb.toString();
    }

    /** For changes that keep the piece: "Title "Urban Dreams" 0:00-0:03, vertical 9:16. BGM 0-18 s at 35%." */
    static String unchangedMusic(List<String> asked, MusicPlan music, double musicPercent) {
        String head = capitalise(String.join(", ", asked)) + ".";
        return music == null ? head
                : head + String.format(Locale.ROOT, " BGM 0-%s at %d%%.", seconds(music.durationSec()), Math.round(musicPercent));
    }

    private static String seconds(double s) {
        return s >= 60 ? String.format(Locale.ROOT, "%d:%02d", (int) s / 60, Math.round(s) % 60) : Math.round(s) + " s";
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
