package dev.backbeat.service.cloud;

/** What one SSE payload means to the client, whichever of the two shapes carried it. */
sealed interface AgentItem {
    /** Words for the user; {@code partial} pieces come before a final event repeating them whole (ADK). */
    record Text(String text, boolean partial) implements AgentItem {
    }

    /** The agent called a tool (internal; at most a progress note). */
    record ToolCall(String name) implements AgentItem {
    }

    record ToolResult(String name) implements AgentItem {
    }

    /** A heartbeat or an empty data line: still working. */
    record Heartbeat() implements AgentItem {
    }

    /** The agent reported a failure inside the stream. */
    record Error(String message) implements AgentItem {
    }
}
