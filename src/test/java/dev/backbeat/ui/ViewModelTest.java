package dev.backbeat.ui;

import com.google.gson.JsonObject;
import dev.backbeat.draft.Draft;
import dev.backbeat.draft.Segment;
import dev.backbeat.draft.Track;
import dev.backbeat.draft.TrackType;
import dev.backbeat.service.BackendException;
import dev.backbeat.service.BackendKind;
import dev.backbeat.service.ChatEvent;
import dev.backbeat.service.Settings;
import dev.backbeat.service.SettingsStore;
import dev.backbeat.ui.chat.ChatMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The view models on the test thread: no FX toolkit, no window. */
class ViewModelTest {
    @TempDir
    Path dir;
    FakeBackend backend;
    List<Settings> built;
    MainViewModel vm;
    Path exportTarget;

    @BeforeEach
    void setUp() {
        backend = new FakeBackend();
        built = new ArrayList<>();
        exportTarget = dir.resolve("out.mp4");
        FileChooserPort chooser = new FileChooserPort() {
            @Override
            public List<Path> chooseVideos() {
                return List.of();
            }

            @Override
            public Optional<Path> chooseExportTarget(Path suggested) {
                return Optional.of(exportTarget);
            }

            @Override
            public boolean reveal(Path file) {
                return true;
            }

            @Override
            public Optional<Path> chooseFolder(Path suggested) {
                return Optional.of(dir.resolve("batch"));
            }
        };
        vm = new MainViewModel(new SettingsStore(dir.resolve("config")), s -> {
            built.add(s);
            return backend;
        }, new SameThreadTaskRunner(), chooser);
    }

    private Path video(String name) throws Exception {
        Path f = dir.resolve(name);
        Files.write(f, new byte[] {0, 0, 0, 32, 'f', 't', 'y', 'p'});
        return f;
    }

    @Test
    void droppedVideoIsUploadedAndShowsOnTheTimeline() throws Exception {
        vm.upload().addFiles(List.of(video("beach trip.mp4")));
        assertEquals(1, backend.uploads.size());
        assertTrue(vm.upload().clips().get(0).readyProperty().get());
        assertEquals("0:42 · 1920×1080 · 30 fps ✓", vm.upload().clips().get(0).statusProperty().get());
        assertEquals(1, vm.timeline().rows().size());
        assertEquals("Timeline (1 track): 1. Video: beach trip.mp4 (0-42s)", vm.timeline().summaryProperty().get());
    }

    @Test
    void badFilesAreRefusedWithAReasonAndNeverUploaded() throws Exception {
        Path empty = dir.resolve("empty.mp4");
        Files.createFile(empty);
        Path text = dir.resolve("notes.txt");
        Files.writeString(text, "hello");
        vm.upload().addFiles(List.of(empty, text, dir.resolve("gone.mov")));
        assertEquals(0, backend.uploads.size());
        assertEquals(3, vm.upload().clips().size());
        assertTrue(vm.upload().clips().stream().allMatch(c -> c.failedProperty().get()));
        assertTrue(vm.upload().clips().get(0).statusProperty().get().contains("empty"));
        assertTrue(vm.upload().clips().get(1).statusProperty().get().contains("not a supported file"));
        assertTrue(vm.upload().clips().get(2).statusProperty().get().contains("not found"));
    }

    @Test
    void uploadErrorsShowTheBackendsWords() throws Exception {
        backend.uploadError = new BackendException(BackendException.Kind.BAD_INPUT, "This file is damaged.");
        vm.upload().addFiles(List.of(video("a.mp4")));
        assertEquals("This file is damaged.", vm.upload().clips().get(0).statusProperty().get());
    }

    @Test
    void aLinkPastedInTheChatBecomesAClipAndTheRestIsAskedOfTheChat() throws Exception {
        vm.chat().inputProperty().set("https://example.org/videos/harbour.mp4");
        vm.chat().send();
        assertEquals(List.of(java.net.URI.create("https://example.org/videos/harbour.mp4")), backend.links);
        assertTrue(backend.chats.isEmpty(), "a link alone is not a chat message");
        var card = vm.upload().clips().get(0);
        assertTrue(card.readyProperty().get());
        assertEquals(Path.of("/downloads/harbour.mp4"), card.file(), "the card stands for the downloaded file");

        vm.chat().inputProperty().set("score this one as upbeat lo-fi: https://example.org/b.mp4.");
        vm.chat().send();
        assertEquals("https://example.org/b.mp4", backend.links.get(1).toString(), "the full stop is not part of the link");
        assertEquals(List.of("score this one as upbeat lo-fi:"), backend.chats);
        assertEquals(List.of("links [https://example.org/videos/harbour.mp4]", "links [https://example.org/b.mp4]",
                "chat score this one as upbeat lo-fi:"), backend.calls, "the request waits for its clip");
    }

    @Test
    void linksAreReadFromADroppedUriList() {
        assertEquals(List.of(java.net.URI.create("https://a.example/x.mp4"), java.net.URI.create("http://b.example/y.jpg")),
                dev.backbeat.ui.upload.UploadViewModel.links("# from a browser\r\nhttps://a.example/x.mp4\r\nhttp://b.example/y.jpg\r\n"));
        vm.upload().addLinks(List.of(java.net.URI.create("ftp://a.example/x.mp4")));
        assertTrue(vm.upload().clips().get(0).failedProperty().get());
        assertTrue(vm.upload().clips().get(0).statusProperty().get().contains("http and https"));
        assertTrue(backend.links.isEmpty());
    }

    @Test
    void theUndoItemNamesTheLatestChangeEveryTime() throws Exception {
        vm.upload().addFiles(List.of(video("a.mp4")));
        assertEquals("Undo Add a.mp4", vm.history().undoTextProperty().get());
        vm.upload().addFiles(List.of(video("b.mp4")));
        assertEquals("Undo Add b.mp4", vm.history().undoTextProperty().get(), "not the change before last");
        vm.upload().addFiles(List.of(video("c.mp4")));
        assertEquals("Undo Add c.mp4", vm.history().undoTextProperty().get());
    }

    @Test
    void onePerClipAsksForAFolderAndShowsEachFile() throws Exception {
        vm.upload().addFiles(List.of(video("a.mp4"), video("b.mp4")));
        vm.export().perClipProperty().set(true);
        vm.export().export();
        assertEquals(dir.resolve("batch"), backend.exports.get(0).target(), "the folder chosen");
        assertEquals(2, vm.export().files().size());
        assertTrue(vm.export().files().get(0).startsWith("a.mp4 · Saved a-scored.mp4"), vm.export().files().toString());
        assertEquals("b.mp4 · b.mp4 is not found", vm.export().files().get(1));
        assertTrue(vm.export().statusProperty().get().startsWith("1 of 2 files written"), vm.export().statusProperty().get());
        assertEquals(dir.resolve("batch").resolve("a-scored.mp4"), vm.export().resultProperty().get(), "Show in folder works");
    }

    @Test
    void aDamagedClipAsksWhetherToScoreWhatIsThereOrStop() throws Exception {
        backend.damaged = true;
        vm.upload().addFiles(List.of(video("cut short.mp4"), video("also cut.mp4")));
        var first = vm.upload().clips().get(0);
        var second = vm.upload().clips().get(1);
        assertTrue(first.damagedProperty().get(), "the card asks");
        assertFalse(first.failedProperty().get());
        assertFalse(first.workingProperty().get());
        assertTrue(first.statusProperty().get().contains("picture stops at 0:00.8"), first.statusProperty().get());
        assertTrue(backend.uploads.isEmpty(), "nothing added while it asks");
        assertEquals(0, vm.timeline().rows().size());

        vm.upload().scoreAsItIs(first);
        assertEquals(List.of(first.file()), backend.takenAsTheyAre, "read again, as it is");
        assertTrue(first.readyProperty().get());
        assertFalse(first.damagedProperty().get());
        assertEquals(1, vm.timeline().rows().size());

        vm.upload().stop(second);
        assertTrue(second.failedProperty().get());
        assertFalse(second.damagedProperty().get());
        assertEquals("Not added: use a complete copy of the file.", second.statusProperty().get());
        assertEquals(List.of(first.file()), backend.uploads);
    }

    @Test
    void aClipBeingReadCanBeCancelled() throws Exception {
        // a runner that holds the work until told, as the FX runner would run it later on another thread
        List<Runnable> held = new ArrayList<>();
        TaskRunner later = new TaskRunner() {
            @Override
            public <T> dev.backbeat.service.CancelToken start(BackgroundTask<T> task) {
                dev.backbeat.service.CancelToken token = new dev.backbeat.service.CancelToken();
                held.add(() -> new SameThreadTaskRunner().start(task));
                token.onCancel(() -> held.set(0, () -> {
                    dev.backbeat.service.CancelToken cancelled = new dev.backbeat.service.CancelToken();
                    cancelled.cancel();
                    runCancelled(task, cancelled);
                }));
                return token;
            }

            @Override
            public void onUi(Runnable update) {
                update.run();
            }
        };
        dev.backbeat.ui.upload.UploadViewModel upload = new dev.backbeat.ui.upload.UploadViewModel(
                new ProjectModel(backend), later, null);
        upload.addFiles(List.of(video("long.mp4")));
        var card = upload.clips().get(0);
        assertTrue(card.workingProperty().get());
        card.cancel();
        held.get(0).run();
        assertFalse(card.workingProperty().get());
        assertEquals("Cancelled: not added.", card.statusProperty().get());
        assertTrue(backend.uploads.isEmpty());
    }

    private static <T> void runCancelled(TaskRunner.BackgroundTask<T> task, dev.backbeat.service.CancelToken token) {
        TaskRunnerAccess.run(task, token);
    }

    @Test
    void dragOverAcceptsOnlyWhenAVideoIsAmongTheFiles() {
        assertTrue(vm.upload().accepts(List.of(Path.of("a.txt"), Path.of("b.MOV"))));
        assertFalse(vm.upload().accepts(List.of(Path.of("a.txt"))));
    }

    @Test
    void chatStreamsTextIntoOneReply() {
        backend.reply = List.of(new ChatEvent.Progress("editing the timeline…", -1),
                new ChatEvent.Text("Calmer now: "), new ChatEvent.Text("84 → 72 BPM."), new ChatEvent.Done());
        vm.chat().inputProperty().set("calmer please");
        vm.chat().send();
        assertEquals(List.of("calmer please"), backend.chats);
        assertEquals("", vm.chat().inputProperty().get());
        List<ChatMessage> m = vm.chat().messages();
        assertEquals(ChatMessage.Role.USER, m.get(0).role());
        // the live line of steps gives way to the answer
        assertEquals(2, m.size());
        assertEquals("Calmer now: 84 → 72 BPM.", m.get(1).text());
        assertFalse(vm.chat().busyProperty().get());
    }

    @Test
    void timelineChangesFromChatReachTheTimeline() {
        JsonObject meta = new JsonObject();
        meta.addProperty("title", "Lo-fi");
        meta.addProperty("volume", 0.35);
        Draft d = new Draft(List.of(new Track(TrackType.AUDIO, List.of(Segment.of(10_000, meta)))));
        backend.reply = List.of(new ChatEvent.TimelineChanged(d, "Added a BGM track: Lo-fi 0-10 s at 35%"),
                new ChatEvent.Done());
        vm.chat().sendSuggestion("upbeat lo-fi");
        assertEquals("Timeline (1 track): 1. BGM: Lo-fi (0-10s, 35%)", vm.timeline().summaryProperty().get());
        assertEquals("Lo-fi · 35%", vm.timeline().rows().get(0).blocks().get(0).label());
        assertEquals("Added a BGM track: Lo-fi 0-10 s at 35%", vm.chat().messages().get(1).text());
    }

    @Test
    void routedWordsDoNotGoToTheChat() {
        vm.chat().inputProperty().set("how many credits do I have");
        vm.chat().send();
        vm.chat().inputProperty().set("export");
        vm.chat().send();
        vm.chat().inputProperty().set("status");
        vm.chat().send();
        assertEquals(List.of(), backend.chats);
        assertEquals(1, backend.creditCalls);
        assertTrue(vm.export().openProperty().get());
        assertTrue(vm.chat().messages().get(1).text().contains("87 available"));
        assertEquals("Timeline (0 tracks): empty", vm.chat().messages().get(4).text());
    }

    @Test
    void exportRunsOnlyWithSomethingOnTheTimeline() throws Exception {
        assertFalse(vm.export().canExportProperty().get());
        vm.export().export();
        assertTrue(backend.exports.isEmpty());
        vm.upload().addFiles(List.of(video("clip.mp4")));
        assertTrue(vm.export().canExportProperty().get());
        vm.export().aspectProperty().set("9:16");
        vm.export().export();
        assertEquals(1, backend.exports.size());
        assertEquals("9:16", backend.exports.get(0).aspect());
        assertEquals(exportTarget, vm.export().resultProperty().get());
        assertEquals("Saved out.mp4 · video copied untouched", vm.export().statusProperty().get());
        assertEquals(1.0, vm.export().progressProperty().get());
    }

    @Test
    void switchingBackEndSavesTheSettingAndReconnects() {
        assertEquals(BackendKind.LOCAL, built.get(0).backend());
        vm.backendKindProperty().set(BackendKind.CLOUD);
        assertEquals(BackendKind.CLOUD, built.get(1).backend());
        assertEquals(BackendKind.CLOUD, new SettingsStore(dir.resolve("config")).load().backend());
        assertTrue(vm.chat().messages().stream().anyMatch(m -> m.text().equals("Connected to the fake")));
    }

    @Test
    void etaReadsLikeAPerson() {
        assertEquals("45 s", dev.backbeat.ui.export.ExportViewModelAccess.eta(45));
        assertEquals("2 min 5 s", dev.backbeat.ui.export.ExportViewModelAccess.eta(125));
    }
}
