package dev.backbeat.draft;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Reads and writes the compact draft JSON. Every field we do not model is carried through
 * unchanged, because the draft goes back to the server on export.
 */
public final class DraftCodec {
    /** Field names a segment's explicit start (ms) may come under; the first present wins. */
    static final List<String> START_KEYS = List.of("st", "s", "start", "startTime", "start_ms");
    private static final Set<String> DRAFT_KEYS = Set.of("t");
    private static final Set<String> TRACK_KEYS = Set.of("tt", "sg");
    private static final Set<String> SEGMENT_KEYS = Set.of("d", "m");

    private DraftCodec() {
    }

    public static Draft decode(String json) throws DraftFormatException {
        if (json == null || json.isBlank()) {
            throw new DraftFormatException("draft", "is empty");
        }
        try {
            return decode(JsonParser.parseString(json));
        } catch (JsonParseException e) {
            throw new DraftFormatException("draft", "is not valid JSON");
        }
    }

    /** Decodes a draft object; a JSON string holding a draft (as some replies double-encode it) is accepted too. */
    public static Draft decode(JsonElement element) throws DraftFormatException {
        if (element != null && element.isJsonPrimitive() && ((JsonPrimitive) element).isString()) {
            return decode(element.getAsString());
        }
        if (element == null || !element.isJsonObject()) {
            throw new DraftFormatException("draft", "must be a JSON object");
        }
        JsonObject root = element.getAsJsonObject();
        JsonElement t = root.get("t");
        if (t == null || t.isJsonNull()) {
            throw new DraftFormatException("t", "is missing (the draft has no track list)");
        }
        if (!t.isJsonArray()) {
            throw new DraftFormatException("t", "must be a list of tracks");
        }
        List<Track> tracks = new ArrayList<>();
        JsonArray array = t.getAsJsonArray();
        for (int i = 0; i < array.size(); i++) {
            tracks.add(decodeTrack(array.get(i), "t[" + i + "]"));
        }
        return new Draft(tracks, rest(root, DRAFT_KEYS));
    }

    private static Track decodeTrack(JsonElement element, String path) throws DraftFormatException {
        if (element == null || !element.isJsonObject()) {
            throw new DraftFormatException(path, "must be a track object");
        }
        JsonObject obj = element.getAsJsonObject();
        int type = (int) wholeNumber(obj.get("tt"), path + ".tt", "track type");
        List<Segment> segments = new ArrayList<>();
        JsonElement sg = obj.get("sg");
        if (sg != null && !sg.isJsonNull()) {
            if (!sg.isJsonArray()) {
                throw new DraftFormatException(path + ".sg", "must be a list of segments");
            }
            JsonArray array = sg.getAsJsonArray();
            for (int i = 0; i < array.size(); i++) {
                segments.add(decodeSegment(array.get(i), path + ".sg[" + i + "]"));
            }
        }
        return new Track(new TrackType(type), segments, rest(obj, TRACK_KEYS));
    }

    private static Segment decodeSegment(JsonElement element, String path) throws DraftFormatException {
        if (element == null || !element.isJsonObject()) {
            throw new DraftFormatException(path, "must be a segment object");
        }
        JsonObject obj = element.getAsJsonObject();
        long duration = wholeNumber(obj.get("d"), path + ".d", "duration in ms");
        if (duration < 0) {
            throw new DraftFormatException(path + ".d", "must not be negative (was " + duration + ")");
        }
        JsonObject meta = new JsonObject();
        JsonElement m = obj.get("m");
        if (m != null && !m.isJsonNull()) {
            if (!m.isJsonObject()) {
                throw new DraftFormatException(path + ".m", "must be an object of metadata");
            }
            meta = m.getAsJsonObject();
        }
        OptionalLong start = OptionalLong.empty();
        for (String key : START_KEYS) {
            JsonElement value = obj.get(key);
            if (value != null && !value.isJsonNull()) {
                long ms = wholeNumber(value, path + "." + key, "start in ms");
                if (ms < 0) {
                    throw new DraftFormatException(path + "." + key, "must not be negative (was " + ms + ")");
                }
                start = OptionalLong.of(ms);
                break;
            }
        }
        // the start key stays among the extra fields so that it is written back under its own name
        return new Segment(duration, start, meta, rest(obj, SEGMENT_KEYS));
    }

    private static long wholeNumber(JsonElement value, String path, String what) throws DraftFormatException {
        if (value == null || value.isJsonNull()) {
            throw new DraftFormatException(path, "is missing (" + what + ")");
        }
        if (!value.isJsonPrimitive() || !((JsonPrimitive) value).isNumber()) {
            throw new DraftFormatException(path, "must be a number (" + what + "), was " + value);
        }
        double d = value.getAsDouble();
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            throw new DraftFormatException(path, "must be a finite number");
        }
        return Math.round(d);
    }

    private static JsonObject rest(JsonObject obj, Set<String> known) {
        JsonObject out = new JsonObject();
        for (Map.Entry<String, JsonElement> e : obj.entrySet()) {
            if (!known.contains(e.getKey())) {
                out.add(e.getKey(), e.getValue().deepCopy());
            }
        }
        return out;
    }

    public static JsonObject encode(Draft draft) {
        JsonObject root = new JsonObject();
        JsonArray tracks = new JsonArray();
        for (Track track : draft.tracks()) {
            tracks.add(encodeTrack(track));
        }
        root.add("t", tracks);
        copyInto(draft.extra(), root);
        return root;
    }

    public static String toJson(Draft draft) {
        return encode(draft).toString();
    }

    private static JsonObject encodeTrack(Track track) {
        JsonObject obj = new JsonObject();
        obj.addProperty("tt", track.type().code());
        JsonArray segments = new JsonArray();
        for (Segment s : track.segments()) {
            segments.add(encodeSegment(s));
        }
        obj.add("sg", segments);
        copyInto(track.extra(), obj);
        return obj;
    }

    private static JsonObject encodeSegment(Segment s) {
        JsonObject obj = new JsonObject();
        obj.addProperty("d", s.durationMs());
        JsonObject meta = s.meta();
        if (meta.size() > 0) {
            obj.add("m", meta);
        }
        JsonObject extra = s.extra();
        boolean hasStartKey = START_KEYS.stream().anyMatch(extra::has);
        if (s.explicitStartMs().isPresent() && !hasStartKey) {
            obj.addProperty("st", s.explicitStartMs().getAsLong());
        }
        copyInto(extra, obj);
        return obj;
    }

    private static void copyInto(JsonObject from, JsonObject to) {
        for (Map.Entry<String, JsonElement> e : from.entrySet()) {
            to.add(e.getKey(), e.getValue());
        }
    }
}
