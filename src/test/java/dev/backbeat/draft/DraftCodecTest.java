package dev.backbeat.draft;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DraftCodecTest {

    static final String SEED = """
            {"t":[
              {"tt":0,"sg":[{"d":10000,"m":{"title":"city timelapse","width":1920,"height":1080}}]},
              {"tt":1,"sg":[{"d":10000,"m":{"title":"Lo-fi","volume":0.35}}]},
              {"tt":7,"sg":[{"d":3000,"m":{"text":"Urban Dreams"}}]}
            ]}""";

    @Test
    void seedDraftGivesTheSeedsSummaryLine() throws Exception {
        Draft draft = DraftCodec.decode(SEED);
        assertEquals("Timeline (3 tracks): 1. Video: city timelapse (0-10s) 2. BGM: Lo-fi (0-10s, 35%) "
                + "3. Title: \"Urban Dreams\" (0-3s)", draft.summary());
        assertTrue(draft.isExportable());
        assertEquals(10_000, draft.durationMs());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            seed | {"t":[{"tt":0,"sg":[{"d":10000,"m":{"title":"city timelapse"}}]},{"tt":1,"sg":[{"d":10000,"m":{"title":"Lo-fi","volume":0.35}}]},{"tt":7,"sg":[{"d":3000,"m":{"text":"Urban Dreams"}}]}]} | Timeline (3 tracks): 1. Video: city timelapse (0-10s) 2. BGM: Lo-fi (0-10s, 35%) 3. Title: "Urban Dreams" (0-3s)
            clips in sequence | {"t":[{"tt":0,"sg":[{"d":4200,"m":{"name":"beach.mp4"}},{"d":5800,"m":{"name":"city.mov"}}]}]} | Timeline (1 track): 1. Video: beach.mp4 (0-4.2s), city.mov (4.2-10s)
            explicit starts | {"t":[{"tt":7,"sg":[{"d":3000,"st":2000,"m":{"text":"Hello"}},{"d":1500,"st":8000,"m":{"text":"Bye"}}]}]} | Timeline (1 track): 1. Title: "Hello" (2-5s), "Bye" (8-9.5s)
            volume in percent and unknown type | {"t":[{"tt":1,"sg":[{"d":62000,"m":{"title":"Calm piano","volume":60}}]},{"tt":3,"sg":[{"d":1000}]}]} | Timeline (2 tracks): 1. BGM: Calm piano (0-62s, 60%) 2. Other 3: segment 1 (0-1s)
            empty tracks | {"t":[{"tt":0,"sg":[]},{"tt":1}]} | Timeline (2 tracks): 1. Video: empty 2. BGM: empty
            no tracks | {"t":[]} | Timeline (0 tracks): empty
            unnamed clips | {"t":[{"tt":0,"sg":[{"d":1000},{"d":2500}]}]} | Timeline (1 track): 1. Video: clip 1 (0-1s), clip 2 (1-3.5s)
            """)
    void summaries(String name, String json, String expected) throws Exception {
        assertEquals(expected, DraftCodec.decode(json).summary());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            seed | {"t":[{"tt":0,"sg":[{"d":10000,"m":{"title":"city timelapse","width":1920,"height":1080}}]},{"tt":1,"sg":[{"d":10000,"m":{"title":"Lo-fi","volume":0.35}}]},{"tt":7,"sg":[{"d":3000,"m":{"text":"Urban Dreams"}}]}]}
            unknown fields at every level | {"v":3,"canvas":{"w":1080,"h":1920},"t":[{"tt":0,"id":"trk_1","locked":false,"sg":[{"d":5000,"id":"seg_9","src":"https://cdn/x.mp4","fx":[1,2,{"k":null}],"m":{"title":"a","crop":{"x":0}}}]}],"meta":null}
            explicit start kept under its own name | {"t":[{"tt":7,"sg":[{"d":3000,"start":2000,"m":{"text":"Hi"}},{"d":1000,"s":9000,"m":{"text":"Yo"}}]}]}
            other track type | {"t":[{"tt":12,"sg":[{"d":1,"m":{"x":"y"}}],"extra":"kept"}]}
            unicode | {"t":[{"tt":7,"sg":[{"d":3000,"m":{"text":"城市之梦 — Urban “Dreams” 🎵"}}]}],"lang":"zh"}
            numbers in metadata kept | {"t":[{"tt":0,"sg":[{"d":1500,"m":{"title":"x","fps":29.97,"big":12345678901234}}]}]}
            """)
    void roundTripKeepsEveryField(String name, String json) throws Exception {
        Draft draft = DraftCodec.decode(json);
        assertEquals(JsonParser.parseString(json), DraftCodec.encode(draft));
        // and a second round trip is stable
        assertEquals(DraftCodec.encode(draft), DraftCodec.encode(DraftCodec.decode(DraftCodec.toJson(draft))));
    }

    @Test
    void aDraftSentAsAStringIsRead() throws Exception {
        JsonObject state = new JsonObject();
        state.addProperty("draft", SEED);
        assertEquals(3, DraftCodec.decode(state.get("draft")).tracks().size());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            missing t | {"tracks":[]} | t
            t not a list | {"t":{"tt":0}} | t
            track not an object | {"t":[5]} | t[0]
            missing tt | {"t":[{"sg":[]}]} | t[0].tt
            tt a string | {"t":[{"tt":"video","sg":[]}]} | t[0].tt
            sg not a list | {"t":[{"tt":0,"sg":"x"}]} | t[0].sg
            segment not an object | {"t":[{"tt":0,"sg":[null]}]} | t[0].sg[0]
            missing d | {"t":[{"tt":0,"sg":[{"m":{}}]}]} | t[0].sg[0].d
            negative d | {"t":[{"tt":1,"sg":[{"d":5},{"d":-10}]}]} | t[0].sg[1].d
            d a string | {"t":[{"tt":0,"sg":[{"d":"10s"}]}]} | t[0].sg[0].d
            m a list | {"t":[{"tt":0,"sg":[{"d":1,"m":[]}]}]} | t[0].sg[0].m
            negative start | {"t":[{"tt":0,"sg":[{"d":1,"st":-1}]}]} | t[0].sg[0].st
            not an object | [1,2] | draft
            not json | {"t":[ | draft
            """)
    void malformedDraftsNameTheField(String name, String json, String field) {
        DraftFormatException e = assertThrows(DraftFormatException.class, () -> DraftCodec.decode(json));
        assertEquals(field, e.field());
        assertTrue(e.getMessage().startsWith(field + ": "), e.getMessage());
    }

    @Test
    void nullAndBlankAreErrorsNotNullPointers() {
        assertThrows(DraftFormatException.class, () -> DraftCodec.decode((String) null));
        assertThrows(DraftFormatException.class, () -> DraftCodec.decode("  "));
        assertThrows(DraftFormatException.class, () -> DraftCodec.decode((com.google.gson.JsonElement) null));
    }

    @Test
    void exportableOnlyWithASegment() throws Exception {
        assertFalse(DraftCodec.decode("{\"t\":[{\"tt\":0,\"sg\":[]},{\"tt\":1}]}").isExportable());
        assertFalse(Draft.empty().isExportable());
        assertTrue(DraftCodec.decode("{\"t\":[{\"tt\":0,\"sg\":[]},{\"tt\":7,\"sg\":[{\"d\":0}]}]}").isExportable());
    }

    @Test
    void builtDraftsEncodeExplicitStarts() throws Exception {
        JsonObject meta = new JsonObject();
        meta.addProperty("text", "Urban Dreams");
        Draft built = new Draft(List.of(new Track(TrackType.TEXT, List.of(Segment.at(1000, 3000, meta)))));
        Draft back = DraftCodec.decode(DraftCodec.toJson(built));
        assertEquals("Timeline (1 track): 1. Title: \"Urban Dreams\" (1-4s)", back.summary());
    }

    @Test
    void recordsDoNotLeakMutableJson() {
        JsonObject meta = new JsonObject();
        meta.addProperty("title", "a");
        Segment s = Segment.of(1000, meta);
        meta.addProperty("title", "changed");
        s.meta().addProperty("title", "changed too");
        assertEquals("a", s.label().orElseThrow());
    }
}
