package dev.backbeat.engine.produce;

/**
 * What a rendered part is in the mix, which decides its EQ, place and sends. The drum channel is
 * rendered as several parts (kick, snare, hats, the rest of the kit, percussion) so the kit can be
 * spread like a miked one.
 */
public enum Role {
    LEAD, PAD, COMP, BASS, KICK, SNARE, HATS, KIT, PERCUSSION, OTHER;

    /** The drum parts, in the order they are rendered. */
    public static final Role[] DRUM_PARTS = {KICK, SNARE, HATS, KIT, PERCUSSION};

    public boolean drum() {
        return this == KICK || this == SNARE || this == HATS || this == KIT || this == PERCUSSION;
    }

    /** The drum part a General MIDI drum key belongs to. */
    public static Role ofDrumKey(int key) {
        return switch (key) {
            case 35, 36 -> KICK;
            case 37, 38, 39, 40 -> SNARE;
            case 42, 44, 46 -> HATS;
            case 41, 43, 45, 47, 48, 50, 49, 51, 52, 53, 55, 57, 59 -> KIT;
            default -> PERCUSSION;
        };
    }

    /** The role of an instrument named as the arranger names its parts ("lead", "pad", "comp", "bass", "drums"). */
    public static Role ofPart(String part) {
        return switch (part) {
            case "lead" -> LEAD;
            case "pad" -> PAD;
            case "comp" -> COMP;
            case "bass" -> BASS;
            default -> OTHER;
        };
    }

    /** A part the score names only by its MIDI track ("melody", "harmony", "bass", …). */
    public static Role ofTrack(String track) {
        return switch (track) {
            case "melody" -> LEAD;
            case "harmony" -> COMP;
            case "bass" -> BASS;
            default -> OTHER;
        };
    }
}
