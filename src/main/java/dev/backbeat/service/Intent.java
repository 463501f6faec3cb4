package dev.backbeat.service;

/** What a typed message asks for. Only {@link #CHAT} goes to the back end's chat. */
public enum Intent {
    EXPORT, CREDITS, STATE, UPLOAD, CHAT
}
