package dev.backbeat.service.cloud;

import com.google.gson.Gson;
import com.google.gson.JsonParseException;
import com.google.gson.reflect.TypeToken;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders that were started but not yet downloaded, kept in the config folder: the service keeps
 * rendering when the app closes, and the next start picks the job up instead of orphaning it.
 */
final class RenderJobStore {
    static final String FILE = "render-jobs.json";
    private static final Gson GSON = new Gson();

    /** One render: where it runs and where its file must land. */
    record RenderJob(String sessionId, String renderId, String target, long startedAtMillis) {
    }

    private final Path file;

    RenderJobStore(Path configDir) {
        this.file = configDir.resolve(FILE);
    }

    synchronized List<RenderJob> all() {
        try {
            String text = ConfigFiles.readOrNull(file);
            if (text == null) {
                return List.of();
            }
            List<RenderJob> jobs = GSON.fromJson(text, new TypeToken<List<RenderJob>>() { }.getType());
            return jobs == null ? List.of() : List.copyOf(jobs);
        } catch (IOException | JsonParseException e) {
            return List.of();
        }
    }

    synchronized void add(RenderJob job) throws IOException {
        List<RenderJob> jobs = new ArrayList<>(all());
        jobs.removeIf(j -> j.renderId().equals(job.renderId()));
        jobs.add(job);
        ConfigFiles.write(file, GSON.toJson(jobs) + "\n");
    }

    synchronized void remove(String renderId) throws IOException {
        List<RenderJob> jobs = new ArrayList<>(all());
        if (jobs.removeIf(j -> j.renderId().equals(renderId))) {
            ConfigFiles.write(file, GSON.toJson(jobs) + "\n");
        }
    }
}
