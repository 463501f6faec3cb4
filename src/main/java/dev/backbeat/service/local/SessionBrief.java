package dev.backbeat.service.local;

import dev.backbeat.engine.compose.Brief;
import dev.backbeat.engine.compose.Style;
import dev.backbeat.engine.mix.FramePlan;
import dev.backbeat.engine.mix.MixSettings;
import dev.backbeat.engine.mix.TitleCard;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What the user has asked for so far in this session, built up edit by edit from the chat, and
 * turned into the engine's {@link Brief}, {@link MixSettings} and titles when it is time to compose
 * or export. Not thread-safe: the back end guards it.
 */
final class SessionBrief {
    private static final Set<String> PARTS_BUT_LEAD = Set.of("drums", "bass", "pad");

    private Style style;
    private final List<String> moods = new ArrayList<>();
    private Double bpm;
    private double pendingTempoFactor = 1;
    private final Set<String> wanted = new LinkedHashSet<>();
    private final Set<String> unwanted = new LinkedHashSet<>();
    private final List<MusicEdit.Intensity> intensity = new ArrayList<>();
    private String key;
    private long seed = 1;
    private Double volumePercent;
    private double volumeDeltaDb;
    private boolean ducking = true;
    private MixSettings.Original original = MixSettings.Original.KEEP;
    private final List<TitleCard.Title> titles = new ArrayList<>();
    private String aspect = "auto";
    private FramePlan.Fit fit = FramePlan.Fit.PAD;
    /** The photos' pace and motion, as the chat or the options set them (see {@link PhotoPace}). */
    private final PhotoPace photos = new PhotoPace();

    /** What decides the piece, kept so "back to the first version" and "undo" can return to it. */
    private record MusicState(Style style, List<String> moods, Double bpm, double pendingTempoFactor, Set<String> wanted,
                              Set<String> unwanted, List<MusicEdit.Intensity> intensity, String key, long seed) {
    }

    private MusicState first;
    private final java.util.Deque<MusicState> earlier = new java.util.ArrayDeque<>();

    private MusicState snapshot() {
        return new MusicState(style, List.copyOf(moods), bpm, pendingTempoFactor, Set.copyOf(wanted), Set.copyOf(unwanted),
                List.copyOf(intensity), key, seed);
    }

    private void restore(MusicState m) {
        style = m.style();
        moods.clear();
        moods.addAll(m.moods());
        bpm = m.bpm();
        pendingTempoFactor = m.pendingTempoFactor();
        wanted.clear();
        wanted.addAll(m.wanted());
        unwanted.clear();
        unwanted.addAll(m.unwanted());
        intensity.clear();
        intensity.addAll(m.intensity());
        key = m.key();
        seed = m.seed();
    }

    /** A copy without the titles (they are placed on the whole timeline; a clip scored alone has its own). */
    SessionBrief withoutTitles() {
        SessionBrief c = copy();
        c.titles.clear();
        return c;
    }

    /** A copy that later edits of either leave alone: one step of the session's undo history. */
    SessionBrief copy() {
        SessionBrief c = new SessionBrief();
        c.restore(snapshot());
        c.volumePercent = volumePercent;
        c.volumeDeltaDb = volumeDeltaDb;
        c.ducking = ducking;
        c.original = original;
        c.titles.addAll(titles);
        c.aspect = aspect;
        c.fit = fit;
        c.first = first;
        c.earlier.addAll(earlier);
        c.photos.restore(photos);
        return c;
    }

    /** Applies the edits; returns a phrase for each, in the user's words ("lo-fi", "no drums"). */
    List<String> apply(List<MusicEdit> edits, double currentBpm) {
        List<String> said = new ArrayList<>();
        if (first == null) {
            first = snapshot();
        }
        if (edits.stream().anyMatch(MusicDirection::changesTheMusic) && edits.stream().noneMatch(e -> e instanceof MusicEdit.Revert)) {
            earlier.push(snapshot());
        }
        for (MusicEdit e : edits) {
            if (e instanceof MusicEdit.Revert r) {
                if (r.first() || earlier.isEmpty()) {
                    restore(first);
                    earlier.clear();
                    said.add("back to the first version");
                } else {
                    restore(earlier.pop());
                    said.add("back to the version before");
                }
            } else if (e instanceof MusicEdit.Unsupported u) {
                said.add(u.nearest().isEmpty() ? "I cannot do " + u.what()
                        : u.what() + " is beyond me, so " + u.nearest() + " instead");
            } else if (e instanceof MusicEdit.Mood m) {
                moods.clear();
                moods.add(m.mood());
                said.add(m.mood());
            } else if (e instanceof MusicEdit.Style s) {
                style = Style.parse(s.style());
                said.add(s.asked().isEmpty() ? style.label() : s.asked() + " → " + style.label() + " (the nearest style I have)");
            } else if (e instanceof MusicEdit.Tempo t) {
                if (t.bpm().isPresent()) {
                    bpm = (double) t.bpm().getAsInt();
                    said.add(t.bpm().getAsInt() + " BPM");
                } else if (currentBpm > 0) {
                    bpm = clampBpm(currentBpm * t.factor());
                    said.add(tempoWords(t.factor()));
                } else {
                    pendingTempoFactor *= t.factor();
                    said.add(tempoWords(t.factor()));
                }
            } else if (e instanceof MusicEdit.Volume v) {
                if (v.percent().isPresent()) {
                    volumePercent = (double) v.percent().getAsInt();
                    volumeDeltaDb = 0;
                    said.add("music at " + v.percent().getAsInt() + "%");
                } else {
                    volumeDeltaDb += v.deltaDb();
                    said.add(v.deltaDb() < 0 ? "quieter music" : "louder music");
                }
            } else if (e instanceof MusicEdit.Instruments i) {
                said.add(instruments(i));
            } else if (e instanceof MusicEdit.Intensity i) {
                intensity.add(i);
                said.add(describe(i));
            } else if (e instanceof MusicEdit.Title t) {
                titles.add(new TitleCard.Title(t.text(), t.startSec(), t.durationSec()));
                said.add("title \"" + t.text() + "\" " + TimeSpan.clock(t.startSec()) + "-"
                        + TimeSpan.clock(t.startSec() + t.durationSec()));
            } else if (e instanceof MusicEdit.Aspect a) {
                aspect = a.aspect();
                said.add(a.aspect().equals("9:16") ? "vertical 9:16" : a.aspect().equals("1:1") ? "square 1:1" : "landscape 16:9");
            } else if (e instanceof MusicEdit.Fit f) {
                fit = f.fit().equals("crop") ? FramePlan.Fit.CROP : FramePlan.Fit.PAD;
                said.add(fit == FramePlan.Fit.CROP ? "cropped to fill the frame" : f.fit().equals("blur")
                        ? "photos fitted over a blurred copy of themselves" : "padded to keep the whole picture");
            } else if (e instanceof MusicEdit.Photos p) {
                said.add(photos.apply(p));
            } else if (e instanceof MusicEdit.Ducking d) {
                ducking = d.on();
                said.add(d.on() ? "music dips under speech" : "no ducking");
            } else if (e instanceof MusicEdit.Variation) {
                seed = seed * 6364136223846793005L + 1442695040888963407L;
                said.add("a new variation");
            } else if (e instanceof MusicEdit.Key k) {
                key = (k.key().isEmpty() ? "" : k.key() + " ") + (k.mode().isEmpty() ? "major" : k.mode());
                key = key.trim();
                said.add(key);
            } else if (e instanceof MusicEdit.OriginalSound o) {
                original = switch (o.mode()) {
                    case "replace" -> MixSettings.Original.REPLACE;
                    case "lower" -> MixSettings.Original.LOWER;
                    default -> MixSettings.Original.KEEP;
                };
                said.add(switch (original) {
                    case REPLACE -> "the clip's own sound muted";
                    case LOWER -> "the clip's own sound lowered";
                    case KEEP -> "the clip's own sound kept";
                });
            }
        }
        return said;
    }

    private String instruments(MusicEdit.Instruments i) {
        List<String> words = new ArrayList<>();
        if (i.only()) {
            unwanted.addAll(PARTS_BUT_LEAD);
            unwanted.removeAll(i.add());
            wanted.clear();
            words.add(String.join(" and ", i.add()) + " only");
        }
        for (String a : i.add()) {
            wanted.add(a);
            unwanted.remove(a);
            if (!i.only()) {
                words.add("add " + a);
            }
        }
        for (String r : i.remove()) {
            unwanted.add(r);
            wanted.remove(r);
            words.add("no " + r);
        }
        return String.join(", ", words);
    }

    private static String tempoWords(double factor) {
        if (Math.abs(factor - 2) < 1e-9) return "twice as fast";
        if (Math.abs(factor - 0.5) < 1e-9) return "half the speed";
        if (factor > 1) return factor < 1.1 ? "a bit faster" : factor > 1.2 ? "much faster" : "faster";
        return factor > 0.9 ? "a bit slower" : factor < 0.8 ? "much slower" : "slower";
    }

    private static String describe(MusicEdit.Intensity i) {
        if (i.shape().equals("busy")) {
            return (i.delta() < 0 ? "less busy" : "busier") + (i.span().equals(TimeSpan.WHOLE) ? "" : " " + i.span().describe());
        }
        String what = switch (i.shape()) {
            case "build" -> "a build-up";
            case "drop" -> "a drop";
            case "fade" -> "a fade-out";
            default -> i.delta() < 0 ? "calmer" : "more energy";
        };
        return what + " " + i.span().describe();
    }

    private static double clampBpm(double v) {
        return Math.max(40, Math.min(220, Math.round(v)));
    }

    /** The engine's brief for a piece of {@code durationSec}. */
    Brief brief(double durationSec, double lastBpm) {
        Double tempo = bpm;
        if (tempo == null && pendingTempoFactor != 1 && lastBpm > 0) {
            tempo = clampBpm(lastBpm * pendingTempoFactor);
        }
        List<Brief.IntensityChange> changes = new ArrayList<>();
        List<Brief.Moment> moments = new ArrayList<>();
        for (MusicEdit.Intensity i : intensity) {
            changes.addAll(changes(i, durationSec));
            moment(i, durationSec).ifPresent(moments::add);
        }
        return new Brief(style, moods.isEmpty() ? null : moodWords(moods.get(0)), tempo, null, null,
                wanted, unwanted, changes, key, 0, seed, moments);
    }

    /** A drop or a build names a moment the composition should land on; a level change does not. */
    static java.util.Optional<Brief.Moment> moment(MusicEdit.Intensity i, double duration) {
        Brief.Moment.Kind kind = switch (i.shape()) {
            case "drop" -> Brief.Moment.Kind.DROP;
            case "build" -> Brief.Moment.Kind.BUILD;
            default -> null;
        };
        if (kind == null) {
            return java.util.Optional.empty();
        }
        TimeSpan s = i.span().start() < 0
                ? TimeSpan.seconds(Math.max(0, duration + i.span().start()), duration) : i.span().resolve(duration);
        return java.util.Optional.of(new Brief.Moment(kind, Math.max(0, Math.min(duration, s.start()))));
    }

    /** A build rises over the 8 s before its moment; a drop hits at it after a short breath. */
    static List<Brief.IntensityChange> changes(MusicEdit.Intensity i, double duration) {
        TimeSpan s = i.span().start() < 0
                ? TimeSpan.seconds(Math.max(0, duration + i.span().start()), duration) : i.span().resolve(duration);
        double end = Double.isInfinite(s.end()) ? duration : s.end();
        return switch (i.shape()) {
            case "build" -> List.of(new Brief.IntensityChange(Math.max(0, s.start() - 8), Math.max(0, s.start() - 4), 0.2),
                    new Brief.IntensityChange(Math.max(0, s.start() - 4), s.start(), 0.4),
                    new Brief.IntensityChange(s.start(), Math.min(duration, s.start() + 8), 0.3));
            case "drop" -> List.of(new Brief.IntensityChange(Math.max(0, s.start() - 1), s.start(), -0.4),
                    new Brief.IntensityChange(s.start(), Math.min(duration, s.start() + 8), i.delta()));
            default -> List.of(new Brief.IntensityChange(s.start(), s.isPoint() ? Math.min(duration, s.start() + 8) : end,
                    i.delta()));
        };
    }

    /** Everything set so far, resolved for a clip of {@code durationSec}, as {@code score --json} prints it. */
    AppliedBrief applied(double durationSec, double lastBpm) {
        Brief b = brief(durationSec, lastBpm);
        List<AppliedBrief.Change> changes = new ArrayList<>();
        for (MusicEdit.Intensity i : intensity) {
            if (i.shape().equals("drop") || i.shape().equals("build")) {
                continue;
            }
            String kind = switch (i.shape()) {
                case "busy" -> i.delta() < 0 ? "lessbusy" : "busier";
                case "fade" -> "fade";
                default -> i.delta() < 0 ? "calmer" : "energy";
            };
            TimeSpan s = i.span().start() < 0
                    ? TimeSpan.seconds(Math.max(0, durationSec + i.span().start()), durationSec) : i.span().resolve(durationSec);
            changes.add(new AppliedBrief.Change(kind, i.span().describe(), s.start(),
                    Double.isInfinite(s.end()) ? durationSec : s.end()));
        }
        List<AppliedBrief.Moment> moments = b.moments().stream()
                .map(m -> new AppliedBrief.Moment(m.kind().name().toLowerCase(Locale.ROOT), m.sec())).toList();
        List<AppliedBrief.Title> shown = titles.stream()
                .map(t -> new AppliedBrief.Title(t.text(), t.startSec(), t.startSec() + t.durationSec())).toList();
        return new AppliedBrief(style == null ? null : style.name(), moods.isEmpty() ? null : moods.get(0), b.bpm(),
                b.wanted(), b.unwanted(), changes, moments, shown, aspect, fit.name().toLowerCase(Locale.ROOT),
                volumePercent, volumeDeltaDb, ducking, original.name().toLowerCase(Locale.ROOT), key, seed, photos.facts());
    }

    /** Our mood names in the words the composer reads. */
    static String moodWords(String mood) {
        return switch (mood.toLowerCase(Locale.ROOT)) {
            case "epic" -> "energetic, intense";
            case "romantic" -> "calm, happy, gentle";
            case "dreamy" -> "calm, soft";
            case "inspiring" -> "uplifting, happy, upbeat";
            case "playful" -> "happy, upbeat";
            case "nostalgic" -> "gentle, melancholic";
            case "mysterious" -> "tense, calm";
            default -> mood;
        };
    }

    /** The mix for a clip; {@code hasSpeech} chooses the default music level (under a voice, or carrying the mix). */
    MixSettings mix(boolean hasSpeech, double targetLufs) {
        double pct = musicPercent(hasSpeech);
        return MixSettings.defaults().withVolume(pct / 100.0).withOriginal(original).withDucking(ducking).withTarget(targetLufs);
    }

    double musicPercent(boolean hasSpeech) {
        double base = volumePercent != null ? volumePercent : hasSpeech ? 35 : 80;
        return Math.max(0, Math.min(100, base * Math.pow(10, volumeDeltaDb / 20)));
    }

    List<TitleCard.Title> titles() {
        return List.copyOf(titles);
    }

    /** Puts a title at {@code index} on the title track, or adds one when {@code index} is one past the last. */
    void setTitle(int index, TitleCard.Title title) {
        if (index == titles.size()) {
            titles.add(title);
        } else {
            titles.set(index, title);
        }
    }

    void removeTitle(int index) {
        titles.remove(index);
    }

    /** The music's volume as set on the timeline, 0-100 (a chat's "louder" afterwards starts from it). */
    void setVolumePercent(double percent) {
        volumePercent = Math.max(0, Math.min(100, percent));
        volumeDeltaDb = 0;
    }

    /** The style the user picked (a variation card), which later chat changes keep. */
    void setStyle(Style s) {
        style = s;
    }

    String aspect() {
        return aspect;
    }

    PhotoPace photos() {
        return photos;
    }

    FramePlan.Fit fit() {
        return fit;
    }

    void setAspect(String a) {
        aspect = a == null ? "auto" : a;
    }

    long seed() {
        return seed;
    }

    void setSeed(long s) {
        seed = s;
    }
}
