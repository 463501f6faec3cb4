package dev.backbeat.service.cloud;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The agent writes as if the user sat in front of its web editor ("click Export", "drag the
 * clip", "preview in timeline"). Backbeat has no such screen, so those words become what the user
 * can actually do here: type "export" or "status", or ask in chat.
 */
final class GuiWordTranslator {

    private record Rule(Pattern pattern, String replacement) {
    }

    private static final String Q_OPEN = "[\"'“‘「]?";
    private static final String Q_CLOSE = "[\"'”’」]?";

    private static final List<Rule> RULES = List.of(
            rule("\\b(?:click|tap|press|hit|select)(?:\\s+on)?(?:\\s+the)?\\s+" + Q_OPEN + "(?:export|download)" + Q_CLOSE
                    + "(?:\\s+button)?", "type \"export\""),
            rule("点击\\s*" + Q_OPEN + "导出" + Q_CLOSE + "(?:按钮)?", "输入“导出”"),
            rule("\\bthe\\s+" + Q_OPEN + "export" + Q_CLOSE + "\\s+button\\b", "the \"export\" command"),
            rule(Q_OPEN + "导出" + Q_CLOSE + "按钮", "“导出”命令"),
            rule("\\bpreview(?:\\s+it)?\\s+in\\s+(?:the\\s+)?timeline\\b", "type \"status\" to see the timeline"),
            rule("在时间线(?:中|上|里)?预览", "输入“状态”查看时间线"),
            rule("\\bopen(?:\\s+the)?\\s+(?:timeline|project|draft|editor|tracks?\\s+panel|media\\s+library|layers?\\s+panel)\\b",
                    "type \"status\""),
            rule("打开", "输入“状态”查看"),
            rule("\\bdrag(?:\\s*(?:and|&|/|-)\\s*drop)?\\b", "ask me to move"),
            rule("拖拽|拖动", "让我移动"),
            rule("\\b(?:click|tap)(?:\\s+on)?\\b", "ask me to use"),
            rule("点击", "让我使用"));

    private static Rule rule(String regex, String replacement) {
        return new Rule(Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE), replacement);
    }

    private GuiWordTranslator() {
    }

    static String translate(String text) {
        String out = text;
        for (Rule rule : RULES) {
            Matcher m = rule.pattern().matcher(out);
            StringBuilder sb = new StringBuilder();
            while (m.find()) {
                String replacement = rule.replacement();
                if (Character.isUpperCase(m.group().charAt(0)) && Character.isLowerCase(replacement.charAt(0))) {
                    replacement = Character.toUpperCase(replacement.charAt(0)) + replacement.substring(1);
                }
                m.appendReplacement(sb, Matcher.quoteReplacement(replacement));
            }
            m.appendTail(sb);
            out = sb.toString();
        }
        return out;
    }

    /**
     * Translates streamed text a sentence at a time, so a phrase split across chunks ("cli" +
     * "ck Export") is still caught. Text shows up per sentence rather than per chunk.
     */
    static final class Streaming {
        private static final int MAX_HELD = 400;
        private final StringBuilder held = new StringBuilder();

        /** Adds a chunk; returns the translated text that is ready to show (maybe empty). */
        String accept(String chunk) {
            held.append(chunk);
            int cut = lastBoundary();
            if (cut < 0 && held.length() > MAX_HELD) {
                cut = Math.max(held.lastIndexOf(" "), held.length() / 2) + 1;
            }
            if (cut <= 0) {
                return "";
            }
            String ready = held.substring(0, cut);
            held.delete(0, cut);
            return translate(ready);
        }

        String flush() {
            String rest = held.toString();
            held.setLength(0);
            return translate(rest);
        }

        /** The index just past the last sentence end: a newline, CJK end mark, or [.!?:] followed by a space. */
        private int lastBoundary() {
            for (int i = held.length() - 1; i >= 0; i--) {
                char c = held.charAt(i);
                if (c == '\n' || c == '。' || c == '！' || c == '？') {
                    return i + 1;
                }
                if (Character.isWhitespace(c) && i > 0 && ".!?:".indexOf(held.charAt(i - 1)) >= 0) {
                    return i + 1;
                }
            }
            return -1;
        }
    }
}
