package dev.backbeat.server;

/**
 * A refusal sent to the caller: the HTTP status, the protocol's error code (1001, 1002, 4001,
 * 4002, 429 …) and a message worded for the person reading it.
 */
final class ApiError extends Exception {
    private final int httpStatus;
    private final int code;

    ApiError(int httpStatus, int code, String message) {
        super(message);
        this.httpStatus = httpStatus;
        this.code = code;
    }

    int httpStatus() {
        return httpStatus;
    }

    int code() {
        return code;
    }

    static ApiError badToken() {
        return new ApiError(401, 1001, "The token is missing, wrong or expired. Ask for a new one with "
                + "POST /api/auth/anonymous-token and send it as \"Authorization: Bearer <token>\".");
    }

    static ApiError unknownSession() {
        return new ApiError(404, 1002, "This session is not known here (it was never made, or belongs to another "
                + "token). Create one with POST /api/tasks/me/with-session/nemo_agent.");
    }

    static ApiError badAddress() {
        return new ApiError(400, 400, "This address is not allowed.");
    }

    static ApiError notFound(String what) {
        return new ApiError(404, 404, what);
    }

    static ApiError badRequest(String message) {
        return new ApiError(422, 4000, message);
    }
}
