package dev.backbeat.server;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import dev.backbeat.draft.Draft;
import dev.backbeat.draft.Segment;
import dev.backbeat.draft.Track;
import dev.backbeat.draft.TrackType;

/**
 * {@code /api/state/nemo_agent/me/<sid>/latest}: the timeline in the compact draft form
 * ({@code t/tt/sg/d/m}), the uploads as {@code video_infos}, and what the engine made (the music
 * and finished renders) as {@code generated_media}.
 */
final class StateReply {
    private StateReply() {
    }

    static JsonObject of(ServedSession session, String base) {
        SessionRecord r = session.snapshot();
        Draft draft = session.draft();
        JsonObject state = new JsonObject();
        state.add("draft", r.draft == null ? JsonNull.INSTANCE : r.draft);
        JsonArray videos = new JsonArray();
        r.uploads.forEach(u -> videos.add(file(u, session.id(), base)));
        state.add("video_infos", videos);
        JsonArray made = new JsonArray();
        for (Track t : draft.tracks()) {
            if (t.type().kind() == TrackType.Kind.AUDIO) {
                for (Segment s : t.segments()) {
                    JsonObject m = new JsonObject();
                    JsonElement title = s.meta().get("title");
                    m.addProperty("filename", title != null && title.isJsonPrimitive() ? title.getAsString() : "music");
                    m.addProperty("file_type", "audio");
                    m.addProperty("duration", s.durationMs() / 1000.0);
                    m.addProperty("source", "backbeat-local-engine");
                    made.add(m);
                }
            }
        }
        for (SessionRecord.Render job : r.renders) {
            if ("completed".equals(job.status)) {
                JsonObject m = new JsonObject();
                m.addProperty("filename", job.id + ".mp4");
                m.addProperty("file_type", "video");
                m.addProperty("cdn_url", Renders.downloadUrl(base, job.id));
                m.addProperty("duration", draft.durationMs() / 1000.0);
                made.add(m);
            }
        }
        state.add("generated_media", made);
        JsonObject canvas = new JsonObject();
        canvas.addProperty("width", 1920);
        canvas.addProperty("height", 1080);
        state.add("canvas_config", canvas);
        JsonObject data = new JsonObject();
        data.addProperty("session_id", session.id());
        data.add("state", state);
        return data;
    }

    static JsonObject file(SessionRecord.Upload u, String sessionId, String base) {
        JsonObject o = new JsonObject();
        o.addProperty("id", u.id);
        o.addProperty("filename", u.filename);
        o.addProperty("file_type", u.fileType);
        o.addProperty("cdn_url", base + "/api/media/" + sessionId + "/" + u.id);
        o.addProperty("duration", u.duration);
        o.addProperty("width", u.width);
        o.addProperty("height", u.height);
        o.addProperty("fps", u.fps);
        o.addProperty("has_audio", u.hasAudio);
        o.addProperty("size", u.size);
        o.addProperty("hash", u.hash);
        return o;
    }
}
