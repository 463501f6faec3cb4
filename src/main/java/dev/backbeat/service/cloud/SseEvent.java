package dev.backbeat.service.cloud;

/** One dispatched server-sent event: its type ("message" unless named), its data, and the last event id seen. */
public record SseEvent(String type, String data, String lastEventId) {
}
