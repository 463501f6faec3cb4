package dev.backbeat.service.local;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a chat message into its requests, so each time expression stays with its own request
 * ("upbeat electronic with a drop at 0:14, add the title 'Harbour Days' for 3 s" is a drop at 0:14
 * and a title at 0:00-0:03). Quoted text is held aside first, as {@code §n§}: a comma or a word
 * inside a title never splits a message or reads as a request.
 */
final class RequestSplitter {
    private RequestSplitter() {
    }

    /** The requests, with the quoted texts their {@code §n§} marks stand for (in the user's own case). */
    record Split(List<String> requests, List<String> quoted) {
        /** The quoted text a request holds, or null. */
        String quotedIn(String request) {
            Matcher m = MARK.matcher(request);
            return m.find() ? quoted.get(Integer.parseInt(m.group(1))) : null;
        }
    }

    static final Pattern MARK = Pattern.compile("§(\\d+)§");
    private static final Pattern QUOTED = Pattern.compile("['\"“”‘’「」『』《》]([^'\"“”‘’「」『』《》]{1,80})['\"“”‘’「」『』《》]");
    /** Punctuation between requests; a full stop inside a number ("2.5 s") is no break. */
    private static final Pattern BREAKS = Pattern.compile("[,;!?，；。！？]+|(?<!\\d)\\.|\\.(?!\\d)|\\bthen\\b|\\band then\\b"
            + "|然后|再把|并且|另外|还有|同时|接着");
    private static final String VERBS = "add|make|put|give|use|turn|set|change|switch|bring|remove|drop|take|cut|mute|lower|raise"
            + "|keep|let|have|include|show|start|end|fade|build|more|less|no|without|also|plus|try|go";
    /** "and" or "also" that opens a new request: followed by a verb, or joining two requests that each have a time. */
    private static final Pattern JOIN = Pattern.compile("\\s+(?:and|&|also|plus|but)\\s+(?=(?:" + VERBS + "|a drop|a build|the title)\\b)");

    static Split split(String original, String normalised) {
        List<String> quoted = new ArrayList<>();
        // normalising keeps the length, so a quote found in the original marks the same place in the normalised text
        String source = original.length() == normalised.length() ? original : normalised;
        Matcher q = QUOTED.matcher(source);
        StringBuilder marked = new StringBuilder();
        int last = 0;
        while (q.find()) {
            marked.append(normalised, last, q.start()).append(" §").append(quoted.size()).append("§ ");
            quoted.add(q.group(1).trim());
            last = q.end();
        }
        marked.append(normalised.substring(last));
        List<String> requests = new ArrayList<>();
        for (String part : BREAKS.split(marked)) {
            for (String piece : JOIN.split(part)) {
                if (!piece.isBlank()) {
                    requests.add(piece.trim());
                }
            }
        }
        return new Split(requests, quoted);
    }
}
