package dev.backbeat.ui.chat;

import dev.backbeat.service.BackendException;
import dev.backbeat.service.CancelToken;
import dev.backbeat.service.ChatEvent;
import dev.backbeat.ui.FakeBackend;
import dev.backbeat.ui.ProjectModel;
import dev.backbeat.ui.SameThreadTaskRunner;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A streamed turn: the steps show as one live line while the back end works, and the answer takes its place. */
class ChatStepsTest {

    /** Emits the local back end's steps, noting what the chat showed after each. */
    static final class SteppingBackend extends FakeBackend {
        ChatViewModel vm;
        final List<List<String>> seen = new ArrayList<>();
        boolean fail;

        @Override
        public void chat(String message, Consumer<ChatEvent> events, CancelToken cancel) {
            for (String step : List.of("Reading the request…", "Composing…", "Rendering the music…", "Mixing…")) {
                events.accept(new ChatEvent.Progress(step, -1));
                seen.add(vm.messages().stream().map(ChatMessage::text).toList());
            }
            if (fail) {
                events.accept(new ChatEvent.Failed(new BackendException(BackendException.Kind.INTERNAL, "The music could not be composed.")));
                return;
            }
            for (String piece : List.of("Calmer now: ", "84 → 72 BPM, ", "the cuts still land.")) {
                events.accept(new ChatEvent.Text(piece));
                seen.add(vm.messages().stream().map(ChatMessage::text).toList());
            }
            events.accept(new ChatEvent.Done());
        }
    }

    private static ChatViewModel chat(SteppingBackend backend) {
        ChatViewModel vm = new ChatViewModel(new ProjectModel(backend), new SameThreadTaskRunner(), () -> { }, () -> { });
        backend.vm = vm;
        return vm;
    }

    @Test
    void stepsReplaceEachOtherThenTheAnswerReplacesThem() {
        SteppingBackend backend = new SteppingBackend();
        ChatViewModel vm = chat(backend);
        vm.sendSuggestion("calmer");
        assertEquals(List.of("calmer", "Reading the request…"), backend.seen.get(0));
        assertEquals(List.of("calmer", "Rendering the music…"), backend.seen.get(2));
        assertEquals(List.of("calmer", "Mixing…"), backend.seen.get(3));
        assertEquals(List.of("calmer", "Calmer now: "), backend.seen.get(4));
        assertEquals(List.of("calmer", "Calmer now: 84 → 72 BPM, the cuts still land."),
                vm.messages().stream().map(ChatMessage::text).toList());
        assertEquals(ChatMessage.Role.ASSISTANT, vm.messages().get(1).role());
    }

    @Test
    void aFailureReplacesTheStepsWithWhatWentWrong() {
        SteppingBackend backend = new SteppingBackend();
        backend.fail = true;
        ChatViewModel vm = chat(backend);
        vm.sendSuggestion("calmer");
        assertEquals(List.of("calmer", "The music could not be composed."), vm.messages().stream().map(ChatMessage::text).toList());
        assertEquals(ChatMessage.Role.ERROR, vm.messages().get(1).role());
    }
}
