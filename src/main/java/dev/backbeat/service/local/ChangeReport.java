package dev.backbeat.service.local;

import dev.backbeat.engine.compose.MusicPlan;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Says in plain words what a chat turn changed, in the user's language: "Calm now: 84 → 72 BPM,
 * piano lead. BGM 0-62 s at 35%." or "现在是平静：84 → 72 BPM。背景音乐 0-62 秒，音量 35%。"
 */
final class ChangeReport {
    private ChangeReport() {
    }

    static String describe(List<String> asked, MusicPlan before, MusicPlan after, double musicPercent) {
        return describe(asked, before, after, musicPercent, Replies.ENGLISH);
    }

    static String describe(List<String> asked, MusicPlan before, MusicPlan after, double musicPercent, Replies r) {
        String head = asked.isEmpty() ? r.text("report.updated") : capitalise(r.list(asked));
        List<String> facts = new ArrayList<>();
        if (before != null && Math.round(before.bpm()) != Math.round(after.bpm())) {
            facts.add(r.text("report.bpmChange", Math.round(before.bpm()), Math.round(after.bpm())));
        } else {
            facts.add(r.text("report.bpm", Math.round(after.bpm())));
        }
        if (before == null || before.style() != after.style()) {
            facts.add(r.word("style", after.style().name()));
        }
        if (before == null || !before.key().equals(after.key())) {
            facts.add(r.key(after.key()));
        }
        if (after.hardCuts() > 0) {
            facts.add(r.text("report.onGrid", Math.round(after.hitRate() * after.hardCuts()), after.hardCuts()));
        }
        return r.text("report.now", head, r.list(facts)) + bgm(after, musicPercent, r);
    }

    static String unchangedMusic(List<String> asked, MusicPlan music, double musicPercent) {
        return unchangedMusic(asked, music, musicPercent, Replies.ENGLISH);
    }

    /** For changes that keep the piece: "Title "Urban Dreams" 0:00-0:03, vertical 9:16. BGM 0-18 s at 35%." */
    static String unchangedMusic(List<String> asked, MusicPlan music, double musicPercent, Replies r) {
        String head = r.text("report.unchanged", capitalise(r.list(asked)));
        return music == null ? head : head + bgm(music, musicPercent, r);
    }

    private static String bgm(MusicPlan music, double musicPercent, Replies r) {
        return r.text("report.bgm", seconds(music.durationSec(), r), Math.round(musicPercent));
    }

    private static String seconds(double s, Replies r) {
        return s >= 60 ? String.format(Locale.ROOT, "%d:%02d", (int) s / 60, Math.round(s) % 60)
                : r.text("time.seconds", Math.round(s));
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
