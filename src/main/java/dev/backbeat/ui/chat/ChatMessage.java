package dev.backbeat.ui.chat;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/** One bubble in the chat. Assistant text grows as it streams in. */
public final class ChatMessage {
    public enum Role { USER, ASSISTANT, NOTE, ERROR }

    private final Role role;
    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper("");

    ChatMessage(Role role, String text) {
        this.role = role;
        this.text.set(text);
    }

    public Role role() {
        return role;
    }

    public ReadOnlyStringProperty textProperty() {
        return text.getReadOnlyProperty();
    }

    public String text() {
        return text.get();
    }

    void append(String chunk) {
        text.set(text.get() + chunk);
    }

    void replace(String value) {
        text.set(value);
    }
}
