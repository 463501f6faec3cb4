package dev.backbeat.service.local;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The answer names every change made, and for what cannot be done, the nearest thing that can. */
class ChatAnswerTest {

    private static List<String> said(String message) {
        return new SessionBrief().apply(new RequestParser().parse(message).edits(), 100);
    }

    @Test
    void aCompoundRequestIsAnsweredChangeByChange() {
        List<String> said = said("upbeat electronic with a drop at 0:14, add the title 'Harbour Days' for 3 s");
        assertEquals(List.of("electronic/house", "a drop at 0:14", "happy", "title \"Harbour Days\" 0:00-0:03"), said);
    }

    @Test
    void aGenreWePlayAsItsNearestStyleSaysSo() {
        assertEquals(List.of("hip hop → lo-fi hip-hop (the nearest style I have)", "no drums"), said("hip hop beat with no drums"));
    }

    @Test
    void whatCannotBeDoneGetsTheNearestThing() {
        List<String> said = said("add some lyrics");
        assertTrue(said.get(0).contains("singing with words") && said.get(0).contains("a wordless choir"), said.toString());
        assertTrue(said.contains("add choir"), said.toString());
        assertTrue(said("make it a waltz").get(0).contains("4/4"));
        assertTrue(new RequestParser().parse("make it a waltz").understood(), "answered, not refused");
    }

    @Test
    void backToTheFirstVersionUndoesEveryMusicChange() {
        SessionBrief brief = new SessionBrief();
        RequestParser parser = new RequestParser();
        brief.apply(parser.parse("lofi, no drums").edits(), 100);
        brief.apply(parser.parse("twice as fast").edits(), 90);
        assertEquals(180.0, brief.applied(60, 90).bpm());
        assertEquals(List.of("back to the version before"), brief.apply(parser.parse("undo").edits(), 180));
        assertEquals(null, brief.applied(60, 90).bpm());
        assertEquals("LOFI", brief.applied(60, 90).style());
        assertEquals(List.of("back to the first version"), brief.apply(parser.parse("go back to the original version").edits(), 90));
        assertEquals(null, brief.applied(60, 90).style());
        assertTrue(brief.applied(60, 90).unwanted().isEmpty());
    }
}
