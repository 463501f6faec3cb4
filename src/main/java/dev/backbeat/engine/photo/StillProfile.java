package dev.backbeat.engine.photo;

import dev.backbeat.engine.analysis.VideoProfile;

import java.util.Arrays;
import java.util.List;

/**
 * What the music is composed for while a photo is on screen: no sound, little motion, a calm-to-
 * middling arousal, held for its nominal time. Joined with the other items, each photo's start
 * reads as a cut, so the tempo is fitted to the photos' pace before their changes go on the beat.
 */
public final class StillProfile {
    public static final double STEP_SEC = 0.25;

    private StillProfile() {
    }

    public static VideoProfile of(Still still, double holdSec) {
        int n = Math.max(1, (int) Math.ceil(holdSec / STEP_SEC - 1e-9));
        double[] motion = new double[n];
        Arrays.fill(motion, still.animated() ? 0.35 : 0.12);
        double[] arousal = new double[n];
        Arrays.fill(arousal, 0.35);
        double[] loudness = new double[n];
        Arrays.fill(loudness, -70);
        VideoProfile.Mood mood = new VideoProfile.Mood("warm, gentle", 0.3, 0.35, 0.5,
                "photos, a new one every " + Math.round(holdSec * 10) / 10.0 + " s → warm, gentle");
        return new VideoProfile(still.path().toString(), holdSec, 30, still.uprightWidth(), still.uprightHeight(), false,
                List.of(), STEP_SEC, motion, List.of(), List.of(), arousal, loudness, List.of(), List.of(), mood);
    }

    /** The hold a photo gets when the user has not said: longer for calm moods, shorter for lively ones. */
    public static double defaultHold(String mood) {
        if (mood == null) {
            return 3.0;
        }
        String m = mood.toLowerCase(java.util.Locale.ROOT);
        if (m.matches(".*\\b(?:calm|sad|romantic|dreamy|nostalgic|peaceful|gentle|relaxed|melancholic)\\b.*")) {
            return 3.5;
        }
        if (m.matches(".*\\b(?:energetic|happy|epic|playful|upbeat|exciting|intense|tense)\\b.*")) {
            return 2.5;
        }
        return 3.0;
    }
}
