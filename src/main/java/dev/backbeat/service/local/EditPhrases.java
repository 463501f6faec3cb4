package dev.backbeat.service.local;

import dev.backbeat.engine.compose.Style;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What each edit of a chat turn asked for, in the reply's language ("lo-fi", "no drums",
 * "从 0:10 开始更激昂"): the words of the answer, made from the edits alone. For English,
 * {@link SessionBrief#apply} says the same from its state (ChatReplyTest holds the two alike).
 */
final class EditPhrases {
    private EditPhrases() {
    }

    static List<String> of(List<MusicEdit> edits, Replies r) {
        List<String> said = new ArrayList<>();
        for (MusicEdit e : edits) {
            String phrase = phrase(e, r);
            if (phrase != null) {
                said.add(phrase);
            }
        }
        return said;
    }

    private static String phrase(MusicEdit e, Replies r) {
        if (e instanceof MusicEdit.Revert v) {
            return r.text(v.first() ? "edit.revertFirst" : "edit.revertBefore");
        } else if (e instanceof MusicEdit.Unsupported u) {
            return u.nearest().isEmpty() ? r.text("edit.cannot", u.what()) : r.text("edit.nearest", u.what(), u.nearest());
        } else if (e instanceof MusicEdit.Mood m) {
            return r.word("mood", m.mood());
        } else if (e instanceof MusicEdit.Style s) {
            String style = r.word("style", Style.parse(s.style()).name());
            return s.asked().isEmpty() ? style : r.text("edit.styleNearest", s.asked(), style);
        } else if (e instanceof MusicEdit.Tempo t) {
            return t.bpm().isPresent() ? r.text("report.bpm", t.bpm().getAsInt()) : tempo(t.factor(), r);
        } else if (e instanceof MusicEdit.Volume v) {
            return v.percent().isPresent() ? r.text("edit.musicAt", v.percent().getAsInt())
                    : r.text(v.deltaDb() < 0 ? "edit.quieter" : "edit.louder");
        } else if (e instanceof MusicEdit.Instruments i) {
            return instruments(i, r);
        } else if (e instanceof MusicEdit.Intensity i) {
            return intensity(i, r);
        } else if (e instanceof MusicEdit.Title t) {
            return r.text("edit.title", t.text(), TimeSpan.clock(t.startSec()), TimeSpan.clock(t.startSec() + t.durationSec()));
        } else if (e instanceof MusicEdit.Aspect a) {
            return r.text(a.aspect().equals("9:16") ? "edit.vertical" : a.aspect().equals("1:1") ? "edit.square" : "edit.landscape");
        } else if (e instanceof MusicEdit.Fit f) {
            return r.text(f.fit().equals("crop") ? "edit.crop" : "edit.pad");
        } else if (e instanceof MusicEdit.Photos p) {
            return photos(p, r);
        } else if (e instanceof MusicEdit.Ducking d) {
            return r.text(d.on() ? "edit.ducking" : "edit.noDucking");
        } else if (e instanceof MusicEdit.Variation) {
            return r.text("edit.variation");
        } else if (e instanceof MusicEdit.Key k) {
            String key = ((k.key().isEmpty() ? "" : k.key() + " ") + (k.mode().isEmpty() ? "major" : k.mode())).trim();
            return r.key(key);
        } else if (e instanceof MusicEdit.OriginalSound o) {
            return r.text(switch (o.mode()) {
                case "replace" -> "edit.originalMuted";
                case "lower" -> "edit.originalLowered";
                default -> "edit.originalKept";
            });
        }
        return null;
    }

    private static String instruments(MusicEdit.Instruments i, Replies r) {
        List<String> words = new ArrayList<>();
        List<String> added = i.add().stream().map(a -> r.word("part", a)).toList();
        if (i.only()) {
            words.add(r.text("edit.only", String.join(r.text("list.and"), added)));
        } else {
            added.forEach(a -> words.add(r.text("edit.add", a)));
        }
        i.remove().forEach(p -> words.add(r.text("edit.no", r.word("part", p))));
        return r.list(words);
    }

    /** As {@link PhotoPace#apply} says it (the seconds as the user gave them, within its limits). */
    private static String photos(MusicEdit.Photos p, Replies r) {
        List<String> words = new ArrayList<>();
        if (p.seconds() != null) {
            double s = Math.max(0.3, Math.min(30, p.seconds()));
            words.add(r.text("edit.photoSeconds", Math.abs(s - Math.rint(s)) < 1e-6 ? Long.toString(Math.round(s))
                    : String.format(Locale.ROOT, "%.1f", s)));
        }
        if (p.factor() != 1) {
            words.add(r.text(p.factor() > 1 ? "edit.photosLonger" : "edit.photosSooner"));
        }
        if (Boolean.TRUE.equals(p.everyBeat())) {
            words.add(r.text("edit.photoEveryBeat"));
        }
        if (p.zoom() != null) {
            words.add(r.text(p.zoom() ? "edit.photoZoom" : "edit.photoNoZoom"));
        }
        return r.list(words);
    }

    private static String tempo(double factor, Replies r) {
        String key;
        if (Math.abs(factor - 2) < 1e-9) key = "edit.twice";
        else if (Math.abs(factor - 0.5) < 1e-9) key = "edit.half";
        else if (factor > 1) key = factor < 1.1 ? "edit.bitFaster" : factor > 1.2 ? "edit.muchFaster" : "edit.faster";
        else key = factor > 0.9 ? "edit.bitSlower" : factor < 0.8 ? "edit.muchSlower" : "edit.slower";
        return r.text(key);
    }

    private static String intensity(MusicEdit.Intensity i, Replies r) {
        if (i.shape().equals("busy")) {
            String what = r.text(i.delta() < 0 ? "edit.lessBusy" : "edit.busier");
            return i.span().equals(TimeSpan.WHOLE) ? what : r.text("edit.shaped", what, span(i.span(), r));
        }
        String what = r.text(switch (i.shape()) {
            case "build" -> "edit.build";
            case "drop" -> "edit.drop";
            case "fade" -> "edit.fade";
            default -> i.delta() < 0 ? "edit.calmer" : "edit.moreEnergy";
        });
        return r.text("edit.shaped", what, span(i.span(), r));
    }

    /** The span in words, as {@link TimeSpan#describe} says it in English. */
    static String span(TimeSpan s, Replies r) {
        if (s.relative()) {
            double a = s.start();
            double b = s.end();
            if (a == 0 && b == 1) return r.text("span.throughout");
            if (a == 0 && b == 0.25) return r.text("span.start");
            if (a == 0.75 && b == 1) return r.text("span.end");
            if (a == 0.5 && b == 1) return r.text("span.secondHalf");
            if (a == 0 && b == 0.5) return r.text("span.firstHalf");
            if (Math.abs(a - 1 / 3.0) < 1e-9 && Math.abs(b - 2 / 3.0) < 1e-9) return r.text("span.middle");
            return r.text("span.fraction", percent(a), percent(b));
        }
        if (s.isPoint()) return r.text("span.at", TimeSpan.clock(s.start()));
        if (s.start() < 0) return r.text("span.last", Math.round(-s.start()));
        return Double.isInfinite(s.end()) ? r.text("span.from", TimeSpan.clock(s.start()))
                : r.text("span.range", TimeSpan.clock(s.start()), TimeSpan.clock(s.end()));
    }

    private static String percent(double f) {
        return String.format(Locale.ROOT, "%d%%", Math.round(f * 100));
    }
}
