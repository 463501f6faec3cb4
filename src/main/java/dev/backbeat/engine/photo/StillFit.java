package dev.backbeat.engine.photo;

/** How a photo of another shape fills the frame: over a blurred, darkened copy of itself, or cropped to fill. */
public enum StillFit { BLUR, CROP }
