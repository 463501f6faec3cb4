package dev.backbeat.engine.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Joins the profiles of clips played one after another into the profile of the whole: times
 * shifted, curves laid end to end, and a hard cut where one clip gives way to the next.
 */
public final class ProfileJoiner {
    private ProfileJoiner() {
    }

    public static VideoProfile join(List<VideoProfile> clips) {
        if (clips.isEmpty()) {
            throw new IllegalArgumentException("no clips to join");
        }
        if (clips.size() == 1) {
            return clips.get(0);
        }
        VideoProfile first = clips.get(0);
        double step = first.stepSec();
        List<VideoProfile.Cut> cuts = new ArrayList<>();
        List<Double> beats = new ArrayList<>();
        List<VideoProfile.Shot> shots = new ArrayList<>();
        List<VideoProfile.Interval> speech = new ArrayList<>();
        List<VideoProfile.Interval> silence = new ArrayList<>();
        double[] motion = new double[0];
        double[] arousal = new double[0];
        double[] loudness = new double[0];
        double offset = 0;
        double valence = 0;
        double arousalSum = 0;
        double confidence = 1;
        boolean hasAudio = false;
        for (VideoProfile p : clips) {
            if (offset > 0) {
                cuts.add(new VideoProfile.Cut(offset, Math.round(offset * first.fps()), 1.0, false, 0));
            }
            for (VideoProfile.Cut c : p.cuts()) {
                cuts.add(new VideoProfile.Cut(c.timeSec() + offset, Math.round((c.timeSec() + offset) * first.fps()),
                        c.strength(), c.soft(), c.lengthSec()));
            }
            for (double b : p.visualBeats()) {
                beats.add(b + offset);
            }
            for (VideoProfile.Shot s : p.shots()) {
                shots.add(new VideoProfile.Shot(s.startSec() + offset, s.endSec() + offset, s.brightness(), s.saturation(),
                        s.warmth(), s.valence(), s.arousal(), s.motion()));
            }
            for (VideoProfile.Interval i : p.speech()) {
                speech.add(new VideoProfile.Interval(i.startSec() + offset, i.endSec() + offset));
            }
            for (VideoProfile.Interval i : p.silence()) {
                silence.add(new VideoProfile.Interval(i.startSec() + offset, i.endSec() + offset));
            }
            int steps = (int) Math.round(p.durationSec() / step);
            motion = append(motion, p.motion(), steps, 0);
            arousal = append(arousal, p.arousal(), steps, 0.5);
            loudness = append(loudness, p.loudness(), steps, -70);
            if (p.mood() != null) {
                valence += p.mood().valence() * p.durationSec();
                arousalSum += p.mood().arousal() * p.durationSec();
                confidence = Math.min(confidence, p.mood().confidence());
            }
            hasAudio |= p.hasAudio();
            offset += p.durationSec();
        }
        VideoProfile longest = clips.stream().max((a, b) -> Double.compare(a.durationSec(), b.durationSec())).orElseThrow();
        String label = longest.mood() == null ? "neutral" : longest.mood().label();
        VideoProfile.Mood mood = new VideoProfile.Mood(label, valence / offset, arousalSum / offset, confidence,
                String.format(Locale.ROOT, "%d clips, %.0f s in all; mostly %s", clips.size(), offset, label));
        return new VideoProfile(first.source(), offset, first.fps(), first.width(), first.height(), hasAudio, cuts, step,
                motion, beats, shots, arousal, loudness, speech, silence, mood);
    }

    /** {@code head} followed by exactly {@code steps} values of {@code tail} (padded with {@code fill}). */
    private static double[] append(double[] head, double[] tail, int steps, double fill) {
        double[] out = Arrays.copyOf(head, head.length + steps);
        for (int i = 0; i < steps; i++) {
            out[head.length + i] = tail != null && i < tail.length ? tail[i] : fill;
        }
        return out;
    }
}
