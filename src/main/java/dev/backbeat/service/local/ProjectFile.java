package dev.backbeat.service.local;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;
import dev.backbeat.draft.Draft;
import dev.backbeat.draft.DraftCodec;
import dev.backbeat.engine.compose.Brief;
import dev.backbeat.engine.media.TempFiles;
import dev.backbeat.service.BackendException;
import dev.backbeat.service.ProjectContent;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * A {@code .backbeat} project on disk (JSON): the clips by path with their size and fingerprint,
 * everything the user asked for (the brief, and the exact engine brief the music came from, so
 * the same music is composed again), the chat, and the timeline draft for anyone reading the file.
 * Written to a temporary file beside it and moved into place, so a kill mid-write leaves the old one.
 */
final class ProjectFile {
    static final String FORMAT = "backbeat-project";
    static final int VERSION = 1;

    /**
     * A clip by path, size and sampled fingerprint; for a photo also {@code heldSec}, the hold the
     * music was composed for (the photos' holds follow the music's beats afterwards), so opening the
     * project composes the same music from the same reading. Null for videos and older projects.
     */
    record Clip(String path, long size, String fingerprint, Double heldSec) {
        Clip(String path, long size, String fingerprint) {
            this(path, size, fingerprint, null);
        }

        Clip held(Double sec) {
            return new Clip(path, size, fingerprint, sec);
        }
    }

    /** {@code song}: the user's song when it was the music (null otherwise, and in older projects). */
    record Content(String format, int version, List<Clip> clips, SessionBrief brief, Brief composedFrom,
                   List<ProjectContent.ChatLine> chat, JsonElement draft, Clip song) {
    }

    private static final Gson GSON = new GsonBuilder().serializeSpecialFloatingPointValues().setPrettyPrinting()
            .disableHtmlEscaping().create();

    private ProjectFile() {
    }

    static void write(Path target, List<Clip> clips, SessionBrief brief, Brief composedFrom, List<ProjectContent.ChatLine> chat,
                      Draft draft) throws BackendException {
        write(target, clips, brief, composedFrom, chat, draft, null);
    }

    static void write(Path target, List<Clip> clips, SessionBrief brief, Brief composedFrom, List<ProjectContent.ChatLine> chat,
                      Draft draft, Clip song) throws BackendException {
        String json = GSON.toJson(new Content(FORMAT, VERSION, clips, brief, composedFrom, chat, DraftCodec.encode(draft), song));
        Path dir = target.toAbsolutePath().getParent();
        Path partial = dir.resolve("." + target.getFileName() + ".part-" + ProcessHandle.current().pid());
        try {
            Files.createDirectories(dir);
            TempFiles.writing(partial);
            Files.writeString(partial, json, StandardCharsets.UTF_8);
            try {
                Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new BackendException(BackendException.Kind.OUTPUT,
                    "The project could not be saved to " + target + " (" + e.getMessage() + "). Choose another folder.", e);
        } finally {
            try {
                Files.deleteIfExists(partial);
            } catch (IOException ignored) {
                // the next start removes what is left
            }
            TempFiles.finished(partial);
        }
    }

    static Content read(Path file) throws BackendException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new BackendException(BackendException.Kind.BAD_INPUT, "The project " + file.getFileName()
                    + " could not be read (" + e.getMessage() + ").", e);
        }
        Content c;
        try {
            c = GSON.fromJson(text, Content.class);
        } catch (JsonParseException | IllegalStateException e) {
            throw notAProject(file);
        }
        if (c == null || !FORMAT.equals(c.format()) || c.clips() == null || c.brief() == null) {
            throw notAProject(file);
        }
        if (c.version() > VERSION) {
            throw new BackendException(BackendException.Kind.BAD_INPUT, "The project " + file.getFileName()
                    + " was saved by a newer Backbeat. Update Backbeat to open it.");
        }
        return c;
    }

    private static BackendException notAProject(Path file) {
        return new BackendException(BackendException.Kind.BAD_INPUT,
                file.getFileName() + " is not a Backbeat project (or it is damaged).");
    }
}
