package dev.backbeat.service.cloud;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.backbeat.draft.Draft;
import dev.backbeat.draft.DraftCodec;
import dev.backbeat.draft.DraftFormatException;
import dev.backbeat.service.BackendException;
import dev.backbeat.service.BackendException.Kind;
import dev.backbeat.service.MediaInfo;
import dev.backbeat.service.SessionState;

import java.util.ArrayList;
import java.util.List;

/** Reads the service's session state and file info replies into the app's model. */
final class StateDecoder {
    private StateDecoder() {
    }

    static SessionState state(JsonObject root) throws BackendException {
        JsonObject data = NemoHttp.data(root);
        JsonObject state = data.get("state") instanceof JsonObject s ? s : data;
        Draft draft = Draft.empty();
        JsonElement d = state.get("draft");
        if (d != null && !d.isJsonNull() && !(d.isJsonPrimitive() && d.getAsString().isBlank())) {
            try {
                draft = DraftCodec.decode(d);
            } catch (DraftFormatException e) {
                throw new BackendException(Kind.SERVER, "The service sent a timeline Backbeat cannot read ("
                        + e.getMessage() + "). Try again; if it keeps happening, start a new project.", e);
            }
        }
        List<MediaInfo> media = new ArrayList<>(mediaList(state.get("video_infos")));
        media.addAll(mediaList(state.get("generated_media")));
        return new SessionState(draft, media);
    }

    static List<MediaInfo> mediaList(JsonElement e) {
        List<MediaInfo> out = new ArrayList<>();
        if (e == null || !e.isJsonArray()) {
            return out;
        }
        for (JsonElement item : e.getAsJsonArray()) {
            if (item.isJsonObject()) {
                out.add(media(item.getAsJsonObject()));
            }
        }
        return out;
    }

    /** The file info of an upload: {@code filename, file_type, cdn_url, duration (s), width, height, fps}. */
    static MediaInfo media(JsonObject o) {
        String kind = NemoHttp.text(o, "file_type", "type", "media_type");
        boolean audio = o.has("has_audio") ? o.get("has_audio").getAsBoolean()
                : kind.startsWith("video") || kind.startsWith("audio");
        return new MediaInfo(NemoHttp.text(o, "filename", "file_name", "name"), NemoHttp.text(o, "cdn_url", "url"),
                kind, Math.round(number(o, "duration") * 1000), (int) number(o, "width"), (int) number(o, "height"),
                number(o, "fps"), audio);
    }

    private static double number(JsonObject o, String key) {
        JsonElement e = o.get(key);
        try {
            return e != null && e.isJsonPrimitive() ? e.getAsDouble() : 0;
        } catch (NumberFormatException ex) {
            return 0;
        }
    }
}
