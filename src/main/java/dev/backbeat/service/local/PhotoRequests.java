package dev.backbeat.service.local;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The chat's words about photos: "2 seconds per photo", "cut on every beat", "no zoom", "slower
 * photos". Returns the request with those words taken out, so "2 seconds" is not read as a time.
 */
final class PhotoRequests {
    private static final String PHOTO = "(?:photos?|pictures?|pics?|images?|slides?|stills?|shots?)";
    private static final Pattern SECONDS = Pattern.compile(
            "(\\d+(?:\\.\\d+)?)\\s*(?:s|sec|secs|seconds?)\\s*(?:per|each|a|for each|on each|for every|every)\\s+" + PHOTO + "\\b"
                    + "|\\b(?:each|every|per)\\s+" + PHOTO + "\\s+(?:for|lasts?|held for|gets)?\\s*(\\d+(?:\\.\\d+)?)\\s*(?:s|sec|secs|seconds?)\\b"
                    + "|(?:每张|每一张)(?:照片|图片|图)?\\s*(\\d+(?:\\.\\d+)?)\\s*秒");
    private static final Pattern EVERY_BEAT = Pattern.compile(
            "\\b(?:cut|change|switch)(?:\\s+(?:the\\s+)?" + PHOTO + ")?\\s+(?:on|with|to)\\s+(?:every|each)\\s+beat\\b"
                    + "|\\b(?:one|a|new)\\s+" + PHOTO + "\\s+(?:per|on every|every|each)\\s+beat\\b|每(?:一)?拍(?:换|切)");
    private static final Pattern NO_ZOOM = Pattern.compile(
            "\\b(?:no|without|stop the|turn off(?: the)?|don't|do not)\\s+(?:zoom(?:ing)?|ken burns|pan(?:ning)?|movement|motion)\\b"
                    + "|\\bkeep the " + PHOTO + " still\\b|不要(?:缩放|推拉|移动)");
    private static final Pattern ZOOM = Pattern.compile("\\b(?:add|with|use)\\s+(?:a\\s+)?(?:zoom|ken burns|pan and zoom)\\b");
    private static final Pattern SLOWER = Pattern.compile(
            "\\b(?:slower|longer)\\s+" + PHOTO + "|\\b(?:hold|keep|show)\\s+(?:the\\s+|each\\s+)?" + PHOTO
                    + "\\s+(?:on screen\\s+)?longer\\b|\\bslower slideshow\\b|\\bslow(?:er)? down the (?:photos|slideshow)\\b");
    private static final Pattern FASTER = Pattern.compile(
            "\\b(?:faster|quicker|shorter)\\s+" + PHOTO + "|\\b(?:change|switch)\\s+(?:the\\s+)?" + PHOTO
                    + "\\s+(?:faster|sooner|quicker|more often)\\b|\\bfaster slideshow\\b");

    private PhotoRequests() {
    }

    static String find(String c, List<MusicEdit> edits) {
        String rest = c;
        Matcher m = SECONDS.matcher(rest);
        if (m.find()) {
            String n = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
            edits.add(new MusicEdit.Photos(Double.parseDouble(n), 1, null, null));
            rest = rest.substring(0, m.start()) + " " + rest.substring(m.end());
        }
        rest = take(EVERY_BEAT, rest, edits, new MusicEdit.Photos(null, 1, true, null));
        rest = take(NO_ZOOM, rest, edits, new MusicEdit.Photos(null, 1, null, false));
        rest = take(ZOOM, rest, edits, new MusicEdit.Photos(null, 1, null, true));
        rest = take(SLOWER, rest, edits, new MusicEdit.Photos(null, 1.3, null, null));
        rest = take(FASTER, rest, edits, new MusicEdit.Photos(null, 1 / 1.3, null, null));
        return rest;
    }

    private static String take(Pattern p, String c, List<MusicEdit> edits, MusicEdit.Photos edit) {
        Matcher m = p.matcher(c);
        if (!m.find()) {
            return c;
        }
        edits.add(edit);
        return m.replaceAll(" ");
    }
}
