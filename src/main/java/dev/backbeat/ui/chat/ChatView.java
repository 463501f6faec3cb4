package dev.backbeat.ui.chat;

import dev.backbeat.ui.Texts;

import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import java.util.Locale;

/** The chat pane: the conversation, "try saying" chips, and the input line. */
public final class ChatView extends VBox {

    public ChatView(ChatViewModel vm) {
        setId("chatPane");
        getStyleClass().addAll("pane", "chat-pane");

        Label header = new Label(Texts.get("chat.header"));
        header.getStyleClass().add("pane-header");

        ListView<ChatMessage> list = new ListView<>(vm.messages());
        list.setId("chatMessages");
        list.setAccessibleText(Texts.get("chat.messages.a11y"));
        list.getStyleClass().add("chat-list");
        list.setCellFactory(v -> new MessageCell(v));
        list.setPlaceholder(new Label(Texts.get("chat.placeholder")));
        VBox.setVgrow(list, Priority.ALWAYS);
        vm.messages().addListener((javafx.collections.ListChangeListener<ChatMessage>) c ->
                list.scrollTo(Math.max(0, vm.messages().size() - 1)));

        Label tryLabel = new Label(Texts.get("chat.trySaying"));
        tryLabel.getStyleClass().add("muted");
        FlowPane chips = new FlowPane(6, 6);
        chips.setId("suggestions");
        for (String s : vm.suggestions()) {
            Button chip = new Button(s);
            chip.setAccessibleText(Texts.get("chat.suggestion.a11y", s));
            chip.getStyleClass().add("chip");
            chip.setOnAction(e -> vm.sendSuggestion(s));
            chip.disableProperty().bind(vm.busyProperty());
            chips.getChildren().add(chip);
        }

        TextField input = new TextField();
        input.setId("chatInput");
        input.setAccessibleText(Texts.get("chat.input.a11y"));
        input.setPromptText(Texts.get("chat.prompt"));
        input.textProperty().bindBidirectional(vm.inputProperty());
        input.setOnAction(e -> vm.send());
        HBox.setHgrow(input, Priority.ALWAYS);

        Button send = new Button(Texts.get("chat.send"));
        send.setId("chatSend");
        send.setAccessibleText(send.getText());
        send.getStyleClass().add("accent");
        send.setOnAction(e -> vm.send());
        send.disableProperty().bind(vm.busyProperty());
        Button stop = new Button(Texts.get("chat.stop"));
        stop.setId("chatStop");
        stop.setAccessibleText(Texts.get("chat.stop.a11y"));
        stop.setOnAction(e -> vm.cancel());
        stop.visibleProperty().bind(vm.busyProperty());
        stop.managedProperty().bind(stop.visibleProperty());
        send.visibleProperty().bind(vm.busyProperty().not());
        send.managedProperty().bind(send.visibleProperty());

        HBox inputRow = new HBox(6, input, send, stop);
        getChildren().addAll(header, list, tryLabel, chips, inputRow);
        setSpacing(8);
    }

    private static final class MessageCell extends ListCell<ChatMessage> {
        private final Label text = new Label();

        MessageCell(ListView<ChatMessage> list) {
            text.setWrapText(true);
            text.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
            text.maxWidthProperty().bind(list.widthProperty().subtract(36));
            setPrefWidth(0);
        }

        @Override
        protected void updateItem(ChatMessage item, boolean empty) {
            super.updateItem(item, empty);
            text.textProperty().unbind();
            if (empty || item == null) {
                setGraphic(null);
                return;
            }
            text.getStyleClass().setAll("label", "bubble", "bubble-" + item.role().name().toLowerCase(Locale.ROOT));
            String who = switch (item.role()) {
                case USER -> Texts.get("chat.you");
                case ASSISTANT -> Texts.get("chat.backbeat");
                default -> "";
            };
            text.textProperty().bind(javafx.beans.binding.Bindings.concat(who, item.textProperty()));
            setGraphic(text);
        }
    }
}
