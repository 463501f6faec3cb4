package dev.backbeat.service.local;

import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Mends small typos in the words the chat listens for ("cinematc", "eletronic", "drumms", "slowr"):
 * a word it does not know that is one edit (two, for long words) from one it does is read as that
 * word. Short and everyday words are left alone, so "drop" never turns into "drum".
 */
final class TypoFixer {
    private TypoFixer() {
    }

    /** The words worth mending towards: what the parser's patterns listen for. */
    private static final List<String> KNOWN = List.of(("cinematic orchestral orchestra ambient electronic acoustic corporate "
            + "piano guitar guitars drums strings violin cello synth synthwave trailer epic energetic upbeat happy cheerful "
            + "calm calmer relaxing relaxed peaceful gentle mellow dreamy romantic nostalgic mysterious inspiring uplifting "
            + "playful melancholic melancholy suspense suspenseful tense tension dramatic dark darker sad sadder "
            + "faster slower quicker tempo louder quieter softer volume vertical portrait square landscape horizontal "
            + "title caption heading headline intense intensity percussion bass bassline choir flute brass trumpet bells "
            + "remove without instead lo-fi lofi chillhop hiphop jazzy jazz trap techno house funky disco reggae "
            + "rock country folk ambient soundtrack thriller horror variation version another different "
            + "beginning ending middle intro outro build buildup crescendo climax minor major "
            + "background music studying study energy relaxing soothing serene powerful exciting bright brighter").split(" "));

    /** Everyday words that sit one edit from a known word and must stay as they are. */
    private static final Set<String> LEAVE = new java.util.HashSet<>(List.of("drop", "drip", "drum", "less", "more", "make", "made", "take", "fade",
            "faded", "bring", "being", "this", "that", "then", "than", "with", "what", "when", "where", "there", "their",
            "these", "those", "some", "same", "slow", "fast", "last", "first", "loud", "louder", "quiet", "soft", "tense",
            "dance", "beat", "beats", "bit", "bass", "base", "house", "horse", "mood", "good", "food", "start", "stars",
            "piano", "title", "titles", "little", "later", "latter", "faster", "master", "after", "ever", "never", "over",
            "under", "other", "either", "hard", "card", "calm", "came", "clam", "lower", "power", "flower", "tower", "rock",
            "lock", "look", "book", "back", "pack", "track", "tracks", "trap", "tape", "type", "time", "tone", "tune",
            "sound", "round", "found", "pound", "band", "hand", "land", "sand", "want", "wants", "went", "keep", "deep",
            "folk", "fork", "park", "dark", "mark", "work", "happy", "nappy", "strong", "string", "sing", "song", "long",
            "things", "thing", "think", "ending", "sending", "reading", "leading", "heading", "adding", "during", "evening",
            "stringy", "minor", "manor", "mirror", "major", "matter", "water", "later", "liter", "bells", "bell", "tells",
            "calls", "calling", "fallen", "builds", "built", "guild", "studio", "studied", "stud", "beating", "eating",
            "scene", "scenes", "sense", "dense", "something", "anything", "everything", "nothing", "please", "really",
            "should", "could", "would", "sounds", "feels", "maybe", "video", "videos", "clips", "instead", "without", "towards", "punky", "rocky", "version", "person", "mine", "minute", "minutes", "moment"));

    private static final Pattern WORD = Pattern.compile("[a-z][a-z-]{3,}");

    static String fix(String text) {
        Matcher m = WORD.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(mend(m.group())));
        }
        m.appendTail(out);
        return out.toString();
    }

    static String mend(String word) {
        if (word.length() < 5 || LEAVE.contains(word) || KNOWN.contains(word)) {
            return word;
        }
        int allowed = word.length() >= 9 ? 2 : 1;
        String best = word;
        int bestDistance = allowed + 1;
        for (String k : KNOWN) {
            if (Math.abs(k.length() - word.length()) > allowed || k.charAt(0) != word.charAt(0) && allowed == 1) {
                continue;
            }
            int d = distance(word, k, allowed);
            if (d < bestDistance) {
                bestDistance = d;
                best = k;
            }
        }
        return best;
    }

    /** Optimal string alignment distance (a swap of two letters counts once), stopping early past {@code limit}. */
    static int distance(String a, String b, int limit) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) d[i][0] = i;
        for (int j = 0; j <= b.length(); j++) d[0][j] = j;
        for (int i = 1; i <= a.length(); i++) {
            int rowMin = Integer.MAX_VALUE;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int v = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    v = Math.min(v, d[i - 2][j - 2] + 1);
                }
                d[i][j] = v;
                rowMin = Math.min(rowMin, v);
            }
            if (rowMin > limit) {
                return limit + 1;
            }
        }
        return d[a.length()][b.length()];
    }
}
