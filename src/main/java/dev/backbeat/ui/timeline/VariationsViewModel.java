package dev.backbeat.ui.timeline;

import dev.backbeat.ui.Texts;

import dev.backbeat.service.Backend;
import dev.backbeat.service.BackendException;
import dev.backbeat.service.CancelToken;
import dev.backbeat.service.preview.MusicMap;
import dev.backbeat.service.preview.PreviewSound;
import dev.backbeat.service.preview.Variation;
import dev.backbeat.ui.ProjectModel;
import dev.backbeat.ui.TaskRunner;
import dev.backbeat.ui.Transport;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The variation cards: three alternative pieces rendered in the background, each to audition from
 * the playhead ("Listen") and to pick ("Use this"). Closing the cards, or any change to the
 * timeline meanwhile, stops the rendering and the audition.
 */
public final class VariationsViewModel {
    static final int COUNT = 3;

    /** A card: the variation, what it is in words, and its music's outline for the mini waveform. */
    public record Card(Variation variation, String style, String details, WaveformPeaks outline) {
    }

    private final ProjectModel project;
    private final TaskRunner runner;
    private final ObservableList<Card> cards = FXCollections.observableArrayList();
    private final ObservableList<Card> cardsView = FXCollections.unmodifiableObservableList(cards);
    private final ReadOnlyBooleanWrapper open = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper auditioning = new ReadOnlyStringWrapper("");
    private CancelToken running;
    private boolean picking;
    /** Which request the cards on show answer: a late result of an older one is dropped. */
    private long generation;
    private java.util.function.Consumer<String> onPicked = line -> { };

    VariationsViewModel(ProjectModel project, TaskRunner runner) {
        this.project = project;
        this.runner = runner;
        project.draftProperty().addListener((o, a, b) -> {
            if (open.get() && !picking) {
                stop();
                cards.clear();
                status.set(Texts.get("variations.stale"));
            }
        });
        project.backendProperty().addListener((o, a, b) -> close());
    }

    public ObservableList<Card> cards() {
        return cardsView;
    }

    public ReadOnlyBooleanProperty openProperty() {
        return open.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** The id of the variation being heard, or empty when the current music plays. */
    public ReadOnlyStringProperty auditioningProperty() {
        return auditioning.getReadOnlyProperty();
    }

    /** Where to say which piece was picked (the chat). */
    public void setOnPicked(java.util.function.Consumer<String> handler) {
        onPicked = handler;
    }

    /** The Variations button: opens the cards and renders new ones. */
    public void show() {
        stop();
        cards.clear();
        open.set(true);
        busy.set(true);
        status.set(Texts.get("variations.composing", COUNT));
        Backend backend = project.backend();
        long asked = ++generation;
        running = runner.task("Variations", (progress, cancel) -> {
                    List<Variation> vs = backend.variations(COUNT, progress, cancel);
                    List<Card> out = new ArrayList<>();
                    for (Variation v : vs) {
                        cancel.throwIfCancelled();
                        out.add(card(v, WaveformPeaks.read(v.preview().sound(), PreviewSound.Layer.MUSIC, cancel::isCancelled)));
                    }
                    return out;
                })
                .onProgress((note, f) -> {
                    if (asked == generation) status.set(note);
                })
                .onSuccess(out -> {
                    if (asked == generation && open.get() && project.backend() == backend) {
                        cards.setAll(out);
                        status.set(Texts.get("variations.ready"));
                    }
                })
                .onError(e -> {
                    if (asked == generation
                            && !(e instanceof BackendException be && be.kind() == BackendException.Kind.CANCELLED)) {
                        status.set(e instanceof BackendException be ? be.userMessage()
                                : Texts.get("variations.failed", e.getMessage()));
                    }
                })
                .onFinally(() -> {
                    if (asked == generation) busy.set(false);
                })
                .start();
    }

    static Card card(Variation v, WaveformPeaks outline) {
        MusicMap m = v.preview().music();
        return new Card(v, m.style(), String.format(Locale.ROOT, "%d BPM · %s", Math.round(m.bpm()), m.key()), outline);
    }

    /** Plays this variation from the playhead in place of the current music; again, back to the current music. */
    public void listen(Card card) {
        Transport t = project.transport();
        if (card.variation().id().equals(auditioning.get())) {
            project.setAudition(null);
            auditioning.set("");
            return;
        }
        project.setAudition(card.variation().preview());
        auditioning.set(card.variation().id());
        if (!t.playingProperty().get()) {
            t.togglePlay();
        }
    }

    /** Makes this variation the music and closes the cards. */
    public void use(Card card) {
        Backend backend = project.backend();
        busy.set(true);
        status.set(Texts.get("variations.using", card.style()));
        runner.task("Using a variation", (progress, cancel) -> backend.pickVariation(card.variation().id()))
                .onSuccess(state -> {
                    picking = true;
                    try {
                        project.apply(state);
                    } finally {
                        picking = false;
                    }
                    close();
                    onPicked.accept(Texts.get("variations.picked", card.style() + " · " + card.details()));
                })
                .onError(e -> status.set(e instanceof BackendException be ? be.userMessage() : e.getMessage()))
                .onFinally(() -> busy.set(false))
                .start();
    }

    /** The close button: stops any rendering and audition. */
    public void close() {
        stop();
        cards.clear();
        open.set(false);
        status.set("");
    }

    private void stop() {
        generation++;
        busy.set(false);
        if (running != null) {
            running.cancel();
            running = null;
        }
        if (!auditioning.get().isEmpty()) {
            project.setAudition(null);
            auditioning.set("");
        }
    }
}
