package io.progimage.imaging.control;

/**
 * The three encoded JPEGs, the placeholders, and what the API reports about them. The arrays are
 * handed over, not copied (they can be megabytes); treat them as read-only.
 */
public record ProcessedImage(byte[] main, byte[] thumb, byte[] mini, int width, int height,
                             int thumbWidth, int thumbHeight, int miniWidth, int miniHeight,
                             SourceFormat sourceFormat, Placeholders placeholders) {

    public int mainSize() {
        return main.length;
    }

    public int thumbSize() {
        return thumb.length;
    }

    public int miniSize() {
        return mini.length;
    }
}
