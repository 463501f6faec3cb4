package dev.backbeat.ui.chat;

import dev.backbeat.ui.Texts;

import dev.backbeat.service.BackendException;
import dev.backbeat.service.CancelToken;
import dev.backbeat.service.ChatEvent;
import dev.backbeat.service.InputRouter;
import dev.backbeat.service.Intent;
import dev.backbeat.ui.ProjectModel;
import dev.backbeat.ui.TaskRunner;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.List;

/**
 * The chat pane: routes what the user types (export, credits, status and upload are handled
 * directly; the rest is a chat turn) and shows the reply as it streams in.
 */
public final class ChatViewModel {
    // per view model, not static: the texts are in the language chosen when the window is built
    private final List<String> suggestions = List.of(
            Texts.get("chat.try.1"), Texts.get("chat.try.2"), Texts.get("chat.try.3"), Texts.get("chat.try.4"), Texts.get("chat.try.5"));

    private final ProjectModel project;
    private final TaskRunner runner;
    private final InputRouter router = new InputRouter();
    private final Runnable onExportAsked;
    private final Runnable onUploadAsked;
    private final ObservableList<ChatMessage> messages = FXCollections.observableArrayList();
    /** One read-only view, kept: listeners on a fresh wrapper each call would be lost to GC. */
    private final ObservableList<ChatMessage> messagesView = FXCollections.unmodifiableObservableList(messages);
    private final StringProperty input = new SimpleStringProperty("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private CancelToken running;
    private ChatMessage reply;
    private ChatMessage note;

    /** Links pasted into the chat go to the clips pane, which uploads them. */
    private java.util.function.BiConsumer<List<java.net.URI>, Runnable> onLinks = (links, then) -> then.run();

    /** {@code handler} adds the links, then runs what it is given once they are read (the rest of the message). */
    public void setOnLinks(java.util.function.BiConsumer<List<java.net.URI>, Runnable> handler) {
        this.onLinks = handler;
    }

    public ChatViewModel(ProjectModel project, TaskRunner runner, Runnable onExportAsked, Runnable onUploadAsked) {
        this.project = project;
        this.runner = runner;
        this.onExportAsked = onExportAsked;
        this.onUploadAsked = onUploadAsked;
    }

    /** The chat as a project keeps it: the user's lines and the answers (notes and errors are not kept). */
    public java.util.List<dev.backbeat.service.ProjectContent.ChatLine> lines() {
        return messages.stream().filter(m -> m.role() == ChatMessage.Role.USER || m.role() == ChatMessage.Role.ASSISTANT)
                .map(m -> new dev.backbeat.service.ProjectContent.ChatLine(m.role() == ChatMessage.Role.USER, m.text()))
                .toList();
    }

    /** Shows a project's chat in place of the current one. */
    public void restore(java.util.List<dev.backbeat.service.ProjectContent.ChatLine> lines) {
        messages.setAll(lines.stream().map(l -> new ChatMessage(l.fromUser() ? ChatMessage.Role.USER : ChatMessage.Role.ASSISTANT,
                l.text())).toList());
    }

    public ObservableList<ChatMessage> messages() {
        return messagesView;
    }

    public List<String> suggestions() {
        return suggestions;
    }

    /** What the user is typing: the one writable property. */
    public StringProperty inputProperty() {
        return input;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** Sends what is in the input box. */
    public void send() {
        String text = input.get() == null ? "" : input.get().trim();
        if (text.isEmpty() || busy.get()) {
            return;
        }
        input.set("");
        messages.add(new ChatMessage(ChatMessage.Role.USER, text));
        List<java.net.URI> links = dev.backbeat.ui.upload.UploadViewModel.links(text);
        if (!links.isEmpty()) {
            // a pasted link is a clip to add; what else the message asks goes to the chat once it is read
            say(Texts.get(links.size() == 1 ? "chat.link.one" : "chat.link.many", links.size()));
            String rest = text.replaceAll("(?i)\\b(https?|ftp|file)://\\S+", " ").trim();
            boolean more = rest.split("\\s+").length >= 3;
            onLinks.accept(links, () -> {
                if (more) {
                    route(rest);
                }
            });
            return;
        }
        route(text);
    }

    /** Sends what the user asked, by what it is (export, upload, credits, state or a chat turn). */
    private void route(String text) {
        Intent intent = router.route(text);
        switch (intent) {
            case EXPORT -> onExportAsked.run();
            case UPLOAD -> onUploadAsked.run();
            case CREDITS -> {
                dev.backbeat.service.Backend backend = project.backend();
                ask("Checking credits", () -> backend.credits().describe());
            }
            case STATE -> askState();
            case CHAT -> chat(text);
        }
    }

    public void sendSuggestion(String suggestion) {
        input.set(suggestion);
        send();
    }

    /** Stops the turn in progress; text already shown stays. */
    public void cancel() {
        if (running != null) {
            running.cancel();
        }
    }

    /** Adds a line from the app itself (connected, switched back end…). */
    public void say(String text) {
        messages.add(new ChatMessage(ChatMessage.Role.NOTE, text));
    }

    /** Shows a problem the app ran into outside any chat turn (an error no other handler took). */
    public void sayProblem(String text) {
        messages.add(new ChatMessage(ChatMessage.Role.ERROR, text));
    }

    private interface Query {
        String ask() throws Exception;
    }

    private void ask(String title, Query query) {
        busy.set(true);
        running = runner.task(title, (progress, cancel) -> query.ask())
                .onSuccess(text -> messages.add(new ChatMessage(ChatMessage.Role.ASSISTANT, text)))
                .onError(this::showError)
                .onFinally(() -> busy.set(false))
                .start();
    }

    private void askState() {
        busy.set(true);
        dev.backbeat.service.Backend backend = project.backend();
        running = runner.task("Reading the timeline", (progress, cancel) -> backend.state())
                .onSuccess(state -> {
                    project.apply(state);
                    messages.add(new ChatMessage(ChatMessage.Role.ASSISTANT, state.draft().summary()));
                })
                .onError(this::showError)
                .onFinally(() -> busy.set(false))
                .start();
    }

    private void chat(String text) {
        busy.set(true);
        reply = null;
        note = null;
        dev.backbeat.service.Backend backend = project.backend();
        dev.backbeat.ui.WorkSession session = project.session();
        running = runner.task("Chat", (progress, cancel) -> {
                    // an answer still streaming from a session the user has left is not shown in the new one
                    backend.chat(text, event -> runner.onUi(() -> {
                        if (session.isCurrent()) {
                            handle(event);
                        }
                    }), cancel);
                    return null;
                })
                .onError(this::showError)
                .onFinally(() -> busy.set(false))
                .start();
    }

    private void handle(ChatEvent event) {
        if (event instanceof ChatEvent.Text t) {
            if (reply == null) {
                // the answer takes the place of the live line of steps that led to it
                dropNote();
                reply = new ChatMessage(ChatMessage.Role.ASSISTANT, "");
                messages.add(reply);
            }
            reply.append(t.chunk());
        } else if (event instanceof ChatEvent.Progress p) {
            showNote(p.note());
        } else if (event instanceof ChatEvent.StillWorking w) {
            showNote(w.note());
        } else if (event instanceof ChatEvent.TimelineChanged c) {
            project.setDraft(c.draft());
            if (c.description() != null && !c.description().isBlank()) {
                messages.add(new ChatMessage(ChatMessage.Role.NOTE, c.description()));
            }
        } else if (event instanceof ChatEvent.Failed f) {
            dropNote();
            showError(f.error());
        } else if (event instanceof ChatEvent.Done) {
            note = null;
        }
    }

    /** Removes the live step line when it is still the last message (steps are news only while they run). */
    private void dropNote() {
        if (note != null && !messages.isEmpty() && messages.get(messages.size() - 1) == note) {
            messages.remove(messages.size() - 1);
        }
        note = null;
    }

    /** Progress notes replace each other instead of piling up. */
    private void showNote(String text) {
        if (note == null || messages.indexOf(note) != messages.size() - 1) {
            note = new ChatMessage(ChatMessage.Role.NOTE, text);
            messages.add(note);
        } else {
            note.replace(text);
        }
    }

    private void showError(Throwable e) {
        String text = e instanceof BackendException be ? be.userMessage()
                : Texts.get("chat.failed", e.getMessage());
        if (e instanceof BackendException be && be.kind() == BackendException.Kind.CANCELLED) {
            text = Texts.get("chat.stopped");
        }
        messages.add(new ChatMessage(ChatMessage.Role.ERROR, text));
    }
}
