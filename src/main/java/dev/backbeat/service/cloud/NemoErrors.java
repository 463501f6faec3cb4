package dev.backbeat.service.cloud;

import dev.backbeat.service.BackendException.Kind;

/** The protocol's error table, worded for a person: what happened and what to do next. */
final class NemoErrors {
    static final String ACCEPTED = "mp4, mov, avi, webm, mkv, jpg, png, gif, webp, mp3, wav, m4a, aac";

    private NemoErrors() {
    }

    static NemoApiException forCode(int code, int status, String serverMessage, TokenProvider tokens, CloudConfig config) {
        return switch (code) {
            case 1001 -> new NemoApiException(Kind.AUTH, tokens.anonymous()
                    ? "The service refused the sign-in token even after a fresh one was fetched. Try again in a few minutes."
                    : "The service refused the token in NEMO_TOKEN. Set a current token, or unset NEMO_TOKEN "
                            + "to use a free anonymous account.", code, status, serverMessage);
            case 1002 -> new NemoApiException(Kind.SESSION_LOST,
                    "The service no longer knows this project's session.", code, status, serverMessage);
            case 2001 -> new NemoApiException(Kind.OUT_OF_CREDITS, tokens.anonymous()
                    ? "You have used up the free credits. Register to get more (your work comes with you): "
                            + config.registerUrl() + "?bind=" + tokens.clientId()
                    : "Your NemoVideo account is out of credits. Top up your balance, then try again.",
                    code, status, serverMessage);
            case 4001 -> new NemoApiException(Kind.BAD_INPUT,
                    "The service does not accept this file type. Accepted formats: " + ACCEPTED + ".",
                    code, status, serverMessage);
            case 4002 -> new NemoApiException(Kind.BAD_INPUT,
                    "The file is too large for the service (500 MB at most). Trim or compress it, then upload it again.",
                    code, status, serverMessage);
            default -> new NemoApiException(Kind.SERVER, "The service reported an error (code " + code
                    + (serverMessage == null || serverMessage.isBlank() ? "" : ": " + serverMessage)
                    + "). Try again; if it keeps happening, the service may be having trouble.", code, status, serverMessage);
        };
    }

    static NemoApiException forStatus(int status, String serverMessage) {
        return switch (status) {
            case 400 -> new NemoApiException(Kind.SERVER, "The service refused the request (HTTP 400) even with a new "
                    + "client id. Try again later; if it keeps happening, update Backbeat.", 0, status, serverMessage);
            case 402 -> new NemoApiException(Kind.PLAN, "Export is not available on the free plan. This is a plan "
                    + "limit, not a credits problem: upgrade the NemoVideo plan to export.", 0, status, serverMessage);
            case 403 -> new NemoApiException(Kind.AUTH, "The service does not allow this account to do that (HTTP 403).",
                    0, status, serverMessage);
            case 404 -> new NemoApiException(Kind.SERVER, "The service does not know this address (HTTP 404). Check the "
                    + "API address (NEMO_API_BASE or --api-base).", 0, status, serverMessage);
            case 409 -> new NemoApiException(Kind.SERVER, "The service says this already exists (HTTP 409).",
                    0, status, serverMessage);
            case 429 -> new NemoApiException(Kind.RATE_LIMITED, "The service is busy and asked us to slow down. "
                    + "Wait a minute, then try again.", 0, status, serverMessage);
            default -> new NemoApiException(Kind.SERVER, status >= 500
                    ? "The NemoVideo service had a problem (HTTP " + status + "). Try again in a few minutes."
                    : "The service refused the request (HTTP " + status + ").", 0, status, serverMessage);
        };
    }

    static NemoApiException unreadable(int status, boolean html) {
        return new NemoApiException(Kind.SERVER, html
                ? "The service answered with a web page instead of data (HTTP " + status + "); it may be down or "
                        + "behind a proxy. Try again in a few minutes."
                : "The service sent a reply Backbeat cannot read (HTTP " + status + "). Try again in a few minutes.",
                0, status, "");
    }
}
