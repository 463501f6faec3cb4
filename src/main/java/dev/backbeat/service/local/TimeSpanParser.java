package dev.backbeat.service.local;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds the stretch of time a clause talks about, in English or Chinese ("at 0:30", "从10秒开始", "in the middle"). */
final class TimeSpanParser {
    private static final String T = "(\\d+:\\d{1,2}(?:\\.\\d+)?|\\d+(?:\\.\\d+)?)";
    private static final String UNIT = "\\s*(?:s|sec|secs|seconds?|秒)?";
    private static final Pattern RANGE = Pattern.compile(
            "(?:from|between)\\s+" + T + UNIT + "\\s*(?:to|and|until|-|–)\\s*" + T + UNIT
                    + "|" + T + UNIT + "\\s*(?:-|–|到|至)\\s*" + T + "\\s*(?:s|sec|secs|seconds?|秒)");
    private static final Pattern FROM = Pattern.compile(
            "(?:from|after|starting at|start at|since)\\s+" + T + UNIT + "|从\\s*(?:第)?\\s*" + T + "\\s*秒?\\s*(?:开始|起|以后|之后)?"
                    + "|" + T + "\\s*秒\\s*(?:后|以后|之后|开始|起)");
    private static final Pattern UNTIL = Pattern.compile("(?:until|till|before)\\s+" + T + UNIT + "|" + T + "\\s*秒\\s*(?:前|之前|以前)");
    private static final Pattern AT = Pattern.compile("(?:\\bat|\\baround|在|第)\\s*" + T + UNIT + "|" + T + "\\s*秒\\s*(?:处|时|的时候)");
    private static final Pattern FIRST = Pattern.compile("(?:first|opening)\\s+" + T + UNIT + "|前\\s*" + T + "\\s*秒");
    private static final Pattern LAST = Pattern.compile("(?:last|final)\\s+" + T + UNIT + "|最后\\s*" + T + "\\s*秒");

    private TimeSpanParser() {
    }

    static Optional<TimeSpan> find(String clause) {
        Matcher m = RANGE.matcher(clause);
        if (m.find()) {
            return Optional.of(TimeSpan.seconds(seconds(first(m, 1, 3)), seconds(first(m, 2, 4))));
        }
        m = FIRST.matcher(clause);
        if (m.find()) {
            return Optional.of(TimeSpan.seconds(0, seconds(first(m, 1, 2))));
        }
        m = LAST.matcher(clause);
        if (m.find()) {
            // the last N seconds, counted back from the end: kept relative to the end by a negative start
            return Optional.of(new TimeSpan(-seconds(first(m, 1, 2)), Double.POSITIVE_INFINITY, false));
        }
        m = FROM.matcher(clause);
        if (m.find()) {
            return Optional.of(TimeSpan.seconds(seconds(first(m, 1, 2, 3)), Double.POSITIVE_INFINITY));
        }
        m = UNTIL.matcher(clause);
        if (m.find()) {
            return Optional.of(TimeSpan.seconds(0, seconds(first(m, 1, 2))));
        }
        m = AT.matcher(clause);
        if (m.find()) {
            return Optional.of(TimeSpan.at(seconds(first(m, 1, 2))));
        }
        return relative(clause);
    }

    private static final Pattern RELATIVE_WORDS = Pattern.compile("\\b(?:in the |the )?(?:second half|latter half|first half|middle part|midway|halfway)\\b"
            + "|\\b(?:in the middle|at the (?:beginning|start)|in the intro|the intro|the opening|at first|start off|at the end|towards? the end"
            + "|near the end|the ending|the outro|in the end|the final part|finale)\\b|后半(?:段|部分)?|前半(?:段|部分)?|中间|中段|开头|开始的时候|一开始|片头|结尾|最后|片尾|末尾");

    /** The clause with its time expressions taken out, for what else it asks. */
    static String without(String clause) {
        String c = clause;
        for (Pattern p : new Pattern[] {RANGE, FIRST, LAST, FROM, UNTIL, AT, RELATIVE_WORDS}) {
            c = p.matcher(c).replaceAll(" ");
        }
        return c;
    }

    private static Optional<TimeSpan> relative(String c) {
        if (c.matches(".*\\b(?:second half|latter half)\\b.*|.*后半(?:段|部分)?.*")) {
            return Optional.of(new TimeSpan(0.5, 1, true));
        }
        if (c.matches(".*\\bfirst half\\b.*|.*前半(?:段|部分)?.*")) {
            return Optional.of(new TimeSpan(0, 0.5, true));
        }
        if (c.matches(".*\\b(?:in the middle|middle part|midway|halfway)\\b.*|.*中间.*|.*中段.*")) {
            return Optional.of(new TimeSpan(1 / 3.0, 2 / 3.0, true));
        }
        if (c.matches(".*\\b(?:at the (?:beginning|start)|(?:down|up|during|for) the (?:beginning|start)|in the intro|the intro|the opening|at first|start off)\\b.*"
                + "|.*(?:开头|开始的时候|一开始|片头).*")) {
            return Optional.of(new TimeSpan(0, 0.25, true));
        }
        if (c.matches(".*\\b(?:at the end|towards? the end|near the end|the ending|the outro|in the end|the final part|finale)\\b.*"
                + "|.*(?:结尾|最后|片尾|末尾).*")) {
            return Optional.of(new TimeSpan(0.75, 1, true));
        }
        return Optional.empty();
    }

    private static String first(Matcher m, int... groups) {
        for (int g : groups) {
            if (m.group(g) != null) {
                return m.group(g);
            }
        }
        throw new IllegalStateException("no time in match");
    }

    /** "1:05" → 65, "30" → 30, "2.5" → 2.5. */
    static double seconds(String text) {
        int colon = text.indexOf(':');
        if (colon < 0) {
            return Double.parseDouble(text);
        }
        return Integer.parseInt(text.substring(0, colon)) * 60 + Double.parseDouble(text.substring(colon + 1));
    }
}
