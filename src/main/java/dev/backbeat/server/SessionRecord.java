package dev.backbeat.server;

import com.google.gson.JsonElement;

import java.util.ArrayList;
import java.util.List;

/**
 * What a session keeps on disk ({@code sessions/ID/session.json}): who owns it, its uploads, the
 * chat, the last timeline and its renders. The clips and the chat's brief live in the project
 * file beside it, from which the local engine's session is opened again after a restart.
 */
final class SessionRecord {
    String sessionId;
    String taskId;
    String userId;
    String language;
    String createdAt;
    List<Upload> uploads = new ArrayList<>();
    List<Line> chat = new ArrayList<>();
    JsonElement draft;
    List<Render> renders = new ArrayList<>();

    /** A file the client sent, stored under {@code uploads/} by a name of ours. */
    static final class Upload {
        String id;
        String filename;
        String stored;
        String fileType;
        String hash;
        long size;
        double duration;
        int width;
        int height;
        double fps;
        boolean hasAudio;
    }

    /** One line of the chat as the client saw it. */
    static final class Line {
        boolean fromUser;
        String text;

        Line() {
        }

        Line(boolean fromUser, String text) {
            this.fromUser = fromUser;
            this.text = text;
        }
    }

    /** A render job: {@code status} pending → processing → completed / failed / cancelled; {@code file} under {@code renders/}. */
    static final class Render {
        String id;
        String status;
        int progress;
        String stage;
        String file;
        String details;
        String error;
        String createdAt;
    }

    void normalise() {
        uploads = uploads == null ? new ArrayList<>() : uploads;
        chat = chat == null ? new ArrayList<>() : chat;
        renders = renders == null ? new ArrayList<>() : renders;
    }
}
