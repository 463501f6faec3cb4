package dev.backbeat.ui.upload;

import dev.backbeat.ui.Texts;

import dev.backbeat.service.BackendException;
import dev.backbeat.service.MediaInfo;
import dev.backbeat.service.MediaRules;
import dev.backbeat.service.SessionState;
import dev.backbeat.ui.FileChooserPort;
import dev.backbeat.ui.ProjectModel;
import dev.backbeat.ui.TaskRunner;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The clips pane: takes dropped or chosen files, checks them, and hands them to the back end one by one. */
public final class UploadViewModel {
    private final ProjectModel project;
    private final TaskRunner runner;
    private final FileChooserPort chooser;
    private final ObservableList<ClipItem> clips = FXCollections.observableArrayList();
    /** One read-only view, kept: listeners on a fresh wrapper each call would be lost to GC. */
    private final ObservableList<ClipItem> clipsView = FXCollections.unmodifiableObservableList(clips);
    private final BooleanBinding empty = Bindings.isEmpty(clips);

    private java.util.function.Consumer<MediaInfo> onAdded = m -> { };
    /** Clips waiting to be read, in the order they were dropped: one is read at a time, so they land in that order. */
    private final java.util.ArrayDeque<Group> waiting = new java.util.ArrayDeque<>();
    private boolean reading;
    private long line;
    /** The clips on the timeline as last mirrored, to tell a removed clip from one this back end never listed. */
    private List<MediaInfo> shown = List.of();

    public UploadViewModel(ProjectModel project, TaskRunner runner, FileChooserPort chooser) {
        this.project = project;
        this.runner = runner;
        this.chooser = chooser;
        project.media().addListener((javafx.collections.ListChangeListener<MediaInfo>) c -> mirror(List.copyOf(project.media())));
        project.backendProperty().addListener((obs, old, now) -> {
            shown = List.of();
            clips.clear();
            waiting.clear();
            line++; // a clip of the old session still being read does not start the next one
            reading = false;
        });
    }

    /** Called on the UI thread for each clip the back end took. */
    public void setOnAdded(java.util.function.Consumer<MediaInfo> handler) {
        this.onAdded = handler;
    }

    public ObservableList<ClipItem> clips() {
        return clipsView;
    }

    public BooleanBinding emptyProperty() {
        return empty;
    }

    public String dropHint() {
        return Texts.get("upload.dropHint",
                String.join(" · ", MediaRules.ALL_EXTENSIONS.stream().map(e -> e.toUpperCase(Locale.ROOT)).toList()));
    }

    /** Whether a drag holding these files should be accepted: at least one looks like a video, a photo or a song. */
    public boolean accepts(List<Path> files) {
        return files.stream().anyMatch(f -> MediaRules.looksLikeVideo(f) || MediaRules.looksLikeImage(f)
                || MediaRules.AUDIO_EXTENSIONS.contains(MediaRules.extension(f)));
    }

    public void chooseFiles() {
        addFiles(chooser.chooseVideos());
    }

    /** Adds each file as a card; good ones are uploaded one after another, bad ones say why at once. */
    public void addFiles(List<Path> files) {
        List<ClipItem> photos = new ArrayList<>();
        for (Path file : files) {
            // a song is taken too: the local engine fits it to the video as the music (issue 15)
            Optional<String> problem = MediaRules.problemWith(file, MediaRules.LOCAL_EXTENSIONS);
            ClipItem item = new ClipItem(file, problem.orElse(Texts.get("upload.waiting")));
            clips.add(item);
            if (problem.isPresent()) {
                item.fail(problem.get());
                continue;
            }
            if (MediaRules.looksLikeImage(file)) {
                photos.add(item); // photos dropped together are read together: the music is composed once for them
                continue;
            }
            upload(List.copyOf(photos));
            photos.clear();
            upload(List.of(item));
        }
        upload(photos);
    }

    private record Added(List<MediaInfo> media, SessionState state) {
    }

    /**
     * Links dropped on the window or pasted in the chat: each gets a card and is handed to the back
     * end by URL (the cloud uploads it by URL; the local engine downloads it, with progress and cancel).
     */
    public void addLinks(List<java.net.URI> links) {
        addLinks(links, () -> { });
    }

    /** As {@link #addLinks(List)}, then {@code after} once the last of them is read (or has failed): what else was asked waits for the clips. */
    public void addLinks(List<java.net.URI> links, Runnable after) {
        List<ClipItem> taken = new ArrayList<>();
        for (java.net.URI link : links) {
            ClipItem item = ClipItem.forLink(link, Texts.get("upload.waiting"));
            clips.add(item);
            String scheme = link.getScheme() == null ? "" : link.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) {
                item.fail(Texts.get("upload.link.scheme"));
                continue;
            }
            taken.add(item);
        }
        if (taken.isEmpty()) {
            after.run();
        }
        for (int k = 0; k < taken.size(); k++) {
            enqueue(List.of(taken.get(k)), false, k == taken.size() - 1 ? after : null);
        }
    }

    /** The links in dropped or pasted text ({@code text/uri-list}: one a line, # for comments), http(s) and others alike. */
    public static List<java.net.URI> links(String text) {
        List<java.net.URI> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?i)\\b(https?|ftp|file)://[^\\s<>\"]+").matcher(text);
        while (m.find()) {
            try {
                out.add(new java.net.URI(m.group().replaceAll("[.,;:!?)\\]]+$", "")));
            } catch (java.net.URISyntaxException ignored) {
                // not a link after all
            }
        }
        return out;
    }

    /** Files read together; {@code asTheyAre} when the user chose to score damaged ones as far as they go. */
    /** {@code then}: what to do once it is read or has failed (a chat that came with its link), or null. */
    private record Group(List<ClipItem> items, boolean asTheyAre, Runnable then) {
    }

    /** "Score what is there" on a damaged card: read it again, used up to where it really ends. */
    public void scoreAsItIs(ClipItem item) {
        if (item.damagedProperty().get()) {
            enqueue(List.of(item), true);
        }
    }

    /** "Stop" on a damaged card: it is not added. */
    public void stop(ClipItem item) {
        if (item.damagedProperty().get()) {
            item.fail(Texts.get("upload.damaged.stopped"));
        }
    }

    /** Queues one read: a clip alone, or photos dropped together (read together: the music is composed once for them). */
    private void upload(List<ClipItem> items) {
        enqueue(items, false);
    }

    private void enqueue(List<ClipItem> items, boolean asTheyAre) {
        enqueue(items, asTheyAre, null);
    }

    private Group enqueue(List<ClipItem> items, boolean asTheyAre, Runnable then) {
        if (items.isEmpty()) {
            return null;
        }
        Group group = new Group(List.copyOf(items), asTheyAre, then);
        group.items().forEach(i -> i.waiting("Waiting for the clips before it…"));
        waiting.add(group);
        group.items().forEach(i -> i.onCancel(() -> {
            if (waiting.remove(group)) {
                group.items().forEach(g -> g.fail("Cancelled: not added."));
            }
        }));
        if (!reading) {
            readNext();
        }
        return group;
    }

    private void readNext() {
        Group next = waiting.poll();
        reading = next != null;
        if (next == null) {
            return;
        }
        List<ClipItem> items = next.items();
        long mine = line;
        dev.backbeat.service.Backend backend = project.backend(); // the session's own, even if the user switches meanwhile
        ClipItem first = items.get(0);
        items.forEach(i -> i.working(items.size() > 1 ? Texts.get("upload.readingPhotos") : Texts.get("upload.reading"), -1));
        dev.backbeat.service.CancelToken token = runner.task("Adding " + first.name()
                                + (items.size() > 1 ? " and " + (items.size() - 1) + " more" : ""),
                        (progress, cancel) -> new Added(
                                first.link() != null
                                        ? backend.uploadUrls(items.stream().map(ClipItem::link).toList(), progress, cancel)
                                        : next.asTheyAre()
                                        ? backend.uploadAsTheyAre(items.stream().map(ClipItem::file).toList(), progress, cancel)
                                        : backend.upload(items.stream().map(ClipItem::file).toList(), progress, cancel),
                                backend.state()))
                .onProgress((what, f) -> items.forEach(i -> i.working(what, f)))
                .onSuccess(added -> {
                    // a link's card stands for the downloaded file before the timeline is mirrored
                    for (int k = 0; k < items.size() && k < added.media().size(); k++) {
                        items.get(k).downloadedTo(added.media().get(k).source());
                    }
                    project.apply(added.state());
                    for (int k = 0; k < items.size(); k++) {
                        if (k < added.media().size()) {
                            items.get(k).attach(added.media().get(k));
                        }
                        items.get(k).done(k < added.media().size() ? describe(added.media().get(k)) : Texts.get("upload.added"));
                    }
                    added.media().forEach(onAdded);
                })
                .onError(e -> items.forEach(i -> {
                    if (e instanceof BackendException be && be.kind() == BackendException.Kind.DAMAGED && !next.asTheyAre()) {
                        i.damaged(be.userMessage());
                    } else {
                        i.fail(e instanceof BackendException be
                                ? be.kind() == BackendException.Kind.CANCELLED ? Texts.get("upload.cancelled") : be.userMessage()
                                : Texts.get("upload.failed", i.name(), e.getMessage()));
                    }
                }))
                .onFinally(() -> {
                    if (next.then() != null && mine == line) {
                        next.then().run();
                    }
                    if (mine == line) {
                        readNext();
                    }
                })
                .start();
        items.forEach(i -> i.onCancel(token::cancel));
    }

    /**
     * Keeps the cards in the timeline's order after any change (a removal, a move, an undo, a project
     * opened): one card per clip on the timeline, in order, then the cards still being read or that
     * failed. A card whose clip left the timeline goes; a back end that lists no clips (the cloud) keeps its cards.
     */
    private void mirror(List<MediaInfo> now) {
        java.util.Map<String, java.util.ArrayDeque<ClipItem>> bySource = new java.util.HashMap<>();
        for (ClipItem item : clips) {
            if (!item.failedProperty().get()) {
                bySource.computeIfAbsent(item.file().toString(), k -> new java.util.ArrayDeque<>()).add(item);
            }
        }
        List<ClipItem> ordered = new java.util.ArrayList<>();
        for (MediaInfo m : now) {
            java.util.ArrayDeque<ClipItem> same = bySource.get(m.source());
            ClipItem item = same == null || same.isEmpty() ? ClipItem.onTimeline(m) : same.poll();
            item.attach(m);
            ordered.add(item);
        }
        java.util.Set<String> gone = new java.util.HashSet<>();
        shown.forEach(m -> gone.add(m.source()));
        now.forEach(m -> gone.remove(m.source()));
        for (ClipItem item : clips) {
            boolean removed = item.readyProperty().get() && gone.contains(item.file().toString());
            if (!ordered.contains(item) && !removed) {
                ordered.add(item);
            }
        }
        shown = now;
        if (!ordered.equals(clips)) {
            clips.setAll(ordered);
        }
    }

    /** The card's place on the timeline, or -1 when it is not on it (still being read, failed). */
    public int timelineIndex(ClipItem item) {
        int i = clips.indexOf(item);
        return item.mediaProperty().get() != null && i >= 0 && i < shown.size() ? i : -1;
    }

    /** Delete, or Remove in the card's menu: takes the clip off the timeline (undo brings it back). */
    public void remove(ClipItem item) {
        int index = timelineIndex(item);
        if (index < 0) {
            if (item.workingProperty().get()) {
                item.cancel();
            } else {
                clips.remove(item);
            }
            return;
        }
        dev.backbeat.service.Backend backend = project.backend();
        item.working("Removing…", -1);
        runner.task("Removing " + item.name(), (progress, cancel) -> backend.removeClip(index, cancel))
                .onSuccess(project::apply)
                .onError(e -> item.done(e instanceof BackendException be ? be.userMessage() : e.getMessage()))
                .start();
    }

    /** A card dragged to another place: the clip moves there on the timeline and the music follows. */
    public void move(ClipItem item, int to) {
        int from = timelineIndex(item);
        if (from < 0 || to < 0 || to >= shown.size() || from == to) {
            return;
        }
        dev.backbeat.service.Backend backend = project.backend();
        item.working("Moving…", -1);
        runner.task("Moving " + item.name(), (progress, cancel) -> backend.moveClip(from, to, cancel))
                .onSuccess(state -> {
                    project.apply(state);
                    item.done(describe(item.mediaProperty().get()));
                })
                .onError(e -> item.done(e instanceof BackendException be ? be.userMessage() : e.getMessage()))
                .start();
    }

    /** "0:42 · 1920×1080 · 30 fps ✓". */
    static String describe(MediaInfo m) {
        StringBuilder sb = new StringBuilder();
        long s = Math.round(m.durationMs() / 1000.0);
        sb.append(s / 60).append(':').append(String.format(Locale.ROOT, "%02d", s % 60));
        if (m.width() > 0 && m.height() > 0) {
            sb.append(" · ").append(m.width()).append('×').append(m.height());
        }
        if (m.fps() > 0 && !"image".equals(m.kind())) {
            sb.append(" · ").append(Texts.get("media.fps", Math.round(m.fps())));
        }
        if (!m.hasAudio() && !"image".equals(m.kind())) {
            sb.append(" · ").append(Texts.get("media.noSound"));
        }
        return sb.append(" ✓").toString();
    }
}
