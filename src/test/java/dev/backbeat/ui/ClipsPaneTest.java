package dev.backbeat.ui;

import dev.backbeat.service.BackendException;
import dev.backbeat.service.CancelToken;
import dev.backbeat.service.MediaInfo;
import dev.backbeat.service.ProgressListener;
import dev.backbeat.service.SessionState;
import dev.backbeat.service.SettingsStore;
import dev.backbeat.ui.upload.ClipItem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The clips pane follows the timeline: remove, move, and a clip brought back by the back end (undo, open). */
class ClipsPaneTest {
    @TempDir
    Path dir;

    /** Lists its clips and lets them be removed and moved, as the local back end does. */
    static final class ListingBackend extends FakeBackend {
        final List<MediaInfo> media = new ArrayList<>();

        @Override
        public List<MediaInfo> upload(List<Path> files, ProgressListener progress, CancelToken cancel) throws BackendException {
            List<MediaInfo> out = new ArrayList<>();
            for (Path f : files) {
                out.add(new MediaInfo(f.getFileName().toString(), f.toString(), "video", 5_000, 640, 360, 25, true,
                        "", ""));
            }
            media.addAll(out);
            return out;
        }

        @Override
        public SessionState state() {
            return new SessionState(super.state().draft(), media);
        }

        @Override
        public SessionState removeClip(int index, CancelToken cancel) {
            media.remove(index);
            return state();
        }

        @Override
        public SessionState moveClip(int from, int to, CancelToken cancel) {
            media.add(to, media.remove(from));
            return state();
        }
    }

    private Path video(String name) throws Exception {
        Path f = dir.resolve(name);
        Files.write(f, new byte[] {0, 0, 0, 32, 'f', 't', 'y', 'p'});
        return f;
    }

    private static List<String> cards(MainViewModel vm) {
        return vm.upload().clips().stream().map(ClipItem::name).toList();
    }

    @Test
    void removeMoveAndAClipBroughtBack() throws Exception {
        ListingBackend backend = new ListingBackend();
        MainViewModel vm = new MainViewModel(new SettingsStore(dir.resolve("config")), s -> backend, new SameThreadTaskRunner(),
                new NoDialogs());
        vm.upload().addFiles(List.of(video("a.mp4"), video("b.mp4"), video("c.mp4"), video("notes.txt")));
        assertEquals(List.of("a.mp4", "b.mp4", "c.mp4", "notes.txt"), cards(vm), "the bad file keeps its card, last");
        assertEquals(-1, vm.upload().timelineIndex(vm.upload().clips().get(3)));

        vm.upload().move(vm.upload().clips().get(2), 0);
        assertEquals(List.of("c.mp4", "a.mp4", "b.mp4", "notes.txt"), cards(vm));
        assertEquals(List.of("c.mp4", "a.mp4", "b.mp4"), backend.media.stream().map(MediaInfo::name).toList());

        vm.upload().remove(vm.upload().clips().get(1));
        assertEquals(List.of("c.mp4", "b.mp4", "notes.txt"), cards(vm));
        assertEquals("0:05 · 640×360 · 25 fps ✓", vm.upload().clips().get(0).statusProperty().get());

        // the back end puts a clip back (an undo): its card comes back in its place
        backend.media.add(1, new MediaInfo("a.mp4", dir.resolve("a.mp4").toString(), "video", 5_000, 640, 360, 25, true, "", ""));
        vm.project().apply(backend.state());
        assertEquals(List.of("c.mp4", "a.mp4", "b.mp4", "notes.txt"), cards(vm));
        assertEquals(1, vm.upload().timelineIndex(vm.upload().clips().get(1)));
    }
}
