package dev.backbeat.service.cloud;

import dev.backbeat.service.BackendException;

/** A refusal from the service, keeping its envelope code and HTTP status for callers that react to them. */
public final class NemoApiException extends BackendException {
    private final int code;
    private final int httpStatus;
    private final String serverMessage;

    NemoApiException(Kind kind, String userMessage, int code, int httpStatus, String serverMessage) {
        super(kind, userMessage);
        this.code = code;
        this.httpStatus = httpStatus;
        this.serverMessage = serverMessage == null ? "" : serverMessage;
    }

    public int code() {
        return code;
    }

    public int httpStatus() {
        return httpStatus;
    }

    public String serverMessage() {
        return serverMessage;
    }

    /** The service says a render id is taken (HTTP 409, or a message saying so). */
    boolean isDuplicateId() {
        String m = serverMessage.toLowerCase(java.util.Locale.ROOT);
        return httpStatus == 409 || m.contains("already exist") || m.contains("duplicate");
    }
}
