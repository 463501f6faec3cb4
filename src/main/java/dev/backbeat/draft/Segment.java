package dev.backbeat.draft;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;

import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * One segment of a track: its duration {@code d} in ms, an optional explicit start, its metadata
 * {@code m}, and every other field the server sent, kept as is so that it goes back unchanged.
 */
public record Segment(long durationMs, OptionalLong explicitStartMs, JsonObject meta, JsonObject extra) {

    public Segment {
        if (durationMs < 0) {
            throw new IllegalArgumentException("duration must not be negative: " + durationMs);
        }
        explicitStartMs = explicitStartMs == null ? OptionalLong.empty() : explicitStartMs;
        meta = meta == null ? new JsonObject() : meta.deepCopy();
        extra = extra == null ? new JsonObject() : extra.deepCopy();
    }

    public static Segment of(long durationMs, JsonObject meta) {
        return new Segment(durationMs, OptionalLong.empty(), meta, null);
    }

    public static Segment at(long startMs, long durationMs, JsonObject meta) {
        return new Segment(durationMs, OptionalLong.of(startMs), meta, null);
    }

    /** Gson's JsonObject is mutable: hand out copies so a record stays a value. */
    @Override
    public JsonObject meta() {
        return meta.deepCopy();
    }

    @Override
    public JsonObject extra() {
        return extra.deepCopy();
    }

    /** A metadata string, looked up under the first of the given keys that holds one. */
    public Optional<String> metaString(String... keys) {
        for (String key : keys) {
            JsonElement value = meta.get(key);
            if (value != null && value.isJsonPrimitive() && ((JsonPrimitive) value).isString()
                    && !value.getAsString().isBlank()) {
                return Optional.of(value.getAsString());
            }
        }
        return Optional.empty();
    }

    /** A metadata number, looked up under the first of the given keys that holds one. */
    public OptionalDouble metaNumber(String... keys) {
        for (String key : keys) {
            JsonElement value = meta.get(key);
            if (value != null && value.isJsonPrimitive() && ((JsonPrimitive) value).isNumber()) {
                return OptionalDouble.of(value.getAsDouble());
            }
        }
        return OptionalDouble.empty();
    }

    /** What a person would call this segment: its title, name or text. */
    public Optional<String> label() {
        return metaString("title", "name", "text", "label", "style", "filename", "file_name");
    }

    /**
     * The segment's name as the timeline summary writes it: a title in quotes, else its label,
     * else "clip N" / "audio" / "segment N" ({@code number} counts from 1 within its track).
     */
    public String displayName(TrackType type, int number) {
        return switch (type.kind()) {
            case TEXT -> "\"" + label().orElse("") + "\"";
            case VIDEO -> label().orElse("clip " + number);
            case AUDIO -> label().orElse("audio");
            case OTHER -> label().orElse("segment " + number);
        };
    }

    /** The volume as a percentage, from {@code volume} given as 0-1 or as 0-100. */
    public OptionalDouble volumePercent() {
        OptionalDouble v = metaNumber("volume", "vol", "v");
        if (v.isEmpty()) {
            return v;
        }
        double raw = v.getAsDouble();
        return OptionalDouble.of(raw <= 1.0 ? raw * 100.0 : raw);
    }
}
