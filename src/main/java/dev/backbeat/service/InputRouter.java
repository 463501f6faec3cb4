package dev.backbeat.service;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decides what a typed message asks for, the same way for both back ends: export, credits,
 * state and upload are handled directly; everything else is a chat turn. Keywords in English
 * and Chinese; a keyword that is negated ("don't export yet") or means something else in video
 * talk ("end credits", "balance the music and the voice") does not count.
 */
public final class InputRouter {

    private record Rule(Intent intent, Pattern pattern) {
    }

    private static final List<Rule> RULES = List.of(
            rule(Intent.EXPORT, "\\bexport(?:ing)?\\b|\\bdownload\\b|\\bsend (?:me )?(?:the |my )?(?:video|file|mp4)\\b|"
                    + "\\bsave (?:the |my )?(?:video|mp4)\\b|导出|下载"),
            rule(Intent.CREDITS, "\\bcredits?\\b(?! roll)|\\bbalance\\b|积分|余额"),
            rule(Intent.STATE, "\\bstatus\\b|\\bshow (?:me )?(?:the )?(?:tracks|timeline)\\b|\\bwhat(?:'s| is) on the timeline\\b|状态"),
            rule(Intent.UPLOAD, "\\bupload\\b|上传"));

    /** Words that turn "credits" into the film's credits. */
    private static final Pattern FILM_CREDITS = Pattern.compile(
            "\\b(?:end|opening|closing|roll(?:ing)?|final)\\s+credits?\\b|\\bcredits?\\s+(?:roll|sequence|scene|text)\\b");
    /** Words that turn "balance" into a mix balance. */
    private static final Pattern MIX_BALANCE = Pattern.compile(
            "\\bbalance\\b.*\\b(?:music|voice|audio|sound|mix|bgm|volume|speech|levels?)\\b"
                    + "|\\b(?:music|voice|audio|sound|mix|bgm|volume|speech|levels?)\\b.*\\bbalance\\b|\\bbalanced\\b");
    private static final Pattern NEGATION = Pattern.compile(
            "(?:\\bdon'?t|\\bdo not|\\bnot yet|\\bno need to|\\bwithout|\\bbefore (?:you|we|i)|不要|先别|别|不用)\\s*(?:\\w+\\s+){0,2}$");

    private static Rule rule(Intent intent, String regex) {
        return new Rule(intent, Pattern.compile(regex));
    }

    /** The intent of one message; the earliest keyword that counts wins. */
    public Intent route(String message) {
        if (message == null || message.isBlank()) {
            return Intent.CHAT;
        }
        String text = message.toLowerCase(Locale.ROOT).replace('’', '\'').trim();
        Intent best = Intent.CHAT;
        int bestAt = Integer.MAX_VALUE;
        for (Rule rule : RULES) {
            Matcher m = rule.pattern().matcher(text);
            while (m.find()) {
                if (counts(rule.intent(), text, m) && m.start() < bestAt) {
                    best = rule.intent();
                    bestAt = m.start();
                    break;
                }
            }
        }
        return best;
    }

    private static boolean counts(Intent intent, String text, Matcher m) {
        if (NEGATION.matcher(text.substring(0, m.start())).find()) {
            return false;
        }
        if (intent == Intent.CREDITS) {
            return !FILM_CREDITS.matcher(text).find() && !MIX_BALANCE.matcher(text).find();
        }
        return true;
    }
}
