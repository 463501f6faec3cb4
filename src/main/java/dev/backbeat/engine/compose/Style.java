package dev.backbeat.engine.compose;

import java.util.Arrays;
import java.util.Locale;

/** The arrangement styles a user can ask for, with the words people use for them. */
public enum Style {
    LOFI("lo-fi hip-hop", "lofi", "lo-fi", "hiphop", "hip-hop", "chill"),
    CINEMATIC("cinematic/ambient", "cinematic", "ambient", "film", "epic"),
    POP("upbeat pop", "pop", "upbeat"),
    FOLK("acoustic/folk", "folk", "acoustic", "guitar"),
    HOUSE("electronic/house", "house", "electronic", "edm", "dance"),
    CORPORATE("corporate/inspiring", "corporate", "inspiring", "motivational", "uplifting"),
    PIANO("solo piano", "piano", "solo-piano"),
    TENSE("tense/suspense", "tense", "suspense", "thriller");

    private final String label;
    private final String[] aliases;

    Style(String label, String... aliases) {
        this.label = label;
        this.aliases = aliases;
    }

    public String label() {
        return label;
    }

    /** Reads a style from the user's words; throws a {@link ComposeException} listing the choices. */
    public static Style parse(String words) {
        String w = words.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        for (Style s : values()) {
            if (s.name().equalsIgnoreCase(w) || s.label.equals(w) || Arrays.asList(s.aliases).contains(w)) {
                return s;
            }
        }
        throw new ComposeException("Unknown style \"" + words + "\". Choose one of: " + choices() + ".");
    }

    public static String choices() {
        StringBuilder sb = new StringBuilder();
        for (Style s : values()) {
            sb.append(sb.isEmpty() ? "" : ", ").append(s.aliases[0]);
        }
        return sb.toString();
    }
}
