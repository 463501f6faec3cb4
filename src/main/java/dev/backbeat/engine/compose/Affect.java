package dev.backbeat.engine.compose;

import dev.backbeat.engine.analysis.VideoProfile;

import java.util.Locale;

/**
 * The emotion the music aims for: valence -1..1 (dark to bright) and arousal 0..1 (calm to
 * energetic). The user's mood words override what the footage suggests.
 */
public record Affect(double valence, double arousal) {

    public static Affect of(VideoProfile profile, Brief brief) {
        double v = 0;
        double a = 0.5;
        if (profile.mood() != null) {
            v = profile.mood().valence();
            a = profile.mood().arousal();
        } else if (profile.arousal() != null && profile.arousal().length > 0) {
            a = mean(profile.arousal());
        }
        if (brief.mood() != null) {
            String m = brief.mood().toLowerCase(Locale.ROOT);
            if (has(m, "calm", "relax", "gentle", "peaceful", "chill", "soft")) a = Math.min(a, 0.2);
            if (has(m, "energetic", "fast", "exciting", "intense", "upbeat", "party")) a = Math.max(a, 0.8);
            if (has(m, "happy", "bright", "joy", "uplifting", "cheerful", "positive")) v = Math.max(v, 0.6);
            if (has(m, "dark", "sad", "melanchol", "gloomy", "somber")) v = Math.min(v, -0.5);
            if (has(m, "tense", "suspense", "scary", "anxious")) {
                v = Math.min(v, -0.6);
                a = Math.max(a, 0.5);
            }
        }
        return new Affect(clamp(v, -1, 1), clamp(a, 0, 1));
    }

    private static boolean has(String text, String... words) {
        for (String w : words) {
            if (text.contains(w)) return true;
        }
        return false;
    }

    static double mean(double[] xs) {
        double s = 0;
        for (double x : xs) s += x;
        return xs.length == 0 ? 0 : s / xs.length;
    }

    static double clamp(double x, double lo, double hi) {
        return Math.max(lo, Math.min(hi, x));
    }
}
