package dev.backbeat.service.local;

import dev.backbeat.engine.media.ClipInfo;
import dev.backbeat.service.BackendException;
import dev.backbeat.service.BatchExport;
import dev.backbeat.service.CancelToken;
import dev.backbeat.service.ExportProgress;
import dev.backbeat.service.ExportRequest;
import dev.backbeat.service.ExportResult;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One MP4 per video clip into the folder {@code request.target()}: each clip read and scored on
 * its own (a session of its own, with this session's brief, so its music fits it alone), named
 * after it ("trip.mp4" → "trip-scored.mp4", never over a file already there). One clip's failure
 * is told and the others go on; a cancel stops the batch (what was written stays). Photos stay
 * together as the slideshow the timeline export makes, so they are not in the batch.
 */
final class BatchRun {

    private BatchRun() {
    }

    static List<BatchExport.Item> run(LocalSession s, ExportRequest request, BatchExport.Listener progress,
                                      CancelToken cancel) throws BackendException {
        List<ClipInfo> each;
        SessionBrief asked;
        Path songFile;
        synchronized (s) {
            each = s.clips.stream().filter(c -> !PhotoTrack.isPhoto(c)).toList();
            asked = s.brief.withoutTitles();
            songFile = s.song.present() ? s.song.source() : null;
        }
        if (each.isEmpty()) {
            throw new BackendException(BackendException.Kind.UNSUPPORTED, "Add a video clip first: there is nothing to export one by one.");
        }
        Path folder = request.target();
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new BackendException(BackendException.Kind.OUTPUT, "The folder " + folder + " cannot be made: " + e.getMessage(), e);
        }
        // queued like any export, so the job line shows it and it can be cancelled there
        return s.jobs.run("Export each clip", cancel, job -> {
            job.doing("exporting");
            List<BatchExport.Item> done = new ArrayList<>();
            for (int i = 0; i < each.size(); i++) {
                Path source = each.get(i).path();
                String name = String.valueOf(source.getFileName());
                int k = i;
                int n = each.size();
                if (cancel.isCancelled()) {
                    done.add(new BatchExport.Item(name, null, "Cancelled: not written."));
                    continue;
                }
                try (LocalBackend one = new LocalBackend(s.ffmpeg)) {
                    one.session.brief = asked.copy();
                    if (songFile != null) {
                        // the user's song is the music: fitted to this clip alone
                        one.setSong(songFile, (what, f) -> progress.update(k, n, name, new ExportProgress(what, -1, -1)), cancel);
                    }
                    one.upload(List.of(source), (what, f) -> progress.update(k, n, name,
                            new ExportProgress(what, f < 0 ? -1 : 0.3 * f, -1)), cancel);
                    Path target = LinkFetcher.unique(folder.resolve(stemOf(name) + "-scored.mp4"));
                    ExportResult r = one.export(new ExportRequest(target, request.aspect(), request.loudnessLufs()),
                            p -> progress.update(k, n, name, new ExportProgress(p.stage(), 0.3 + 0.7 * Math.max(0, p.fraction()),
                                    p.etaSeconds())), cancel);
                    done.add(new BatchExport.Item(name, r.file(), null));
                    progress.update(k, n, name, new ExportProgress("Done", 1, 0));
                } catch (BackendException e) {
                    done.add(new BatchExport.Item(name, null,
                            e.kind() == BackendException.Kind.CANCELLED ? "Cancelled: not written." : e.userMessage()));
                    progress.update(k, n, name, new ExportProgress(e.kind() == BackendException.Kind.CANCELLED ? "Cancelled"
                            : "Failed: " + e.userMessage(), 0, -1));
                }
            }
            return done;
        });
    }

    private static String stemOf(String name) {
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
