package io.progimage.imaging.control;

import java.util.List;

/**
 * The encoded outputs, one {@link Rendition} per encoding (the first is the format's primary one:
 * JPEG for {@code auto}), the placeholders, and what the API reports about them. The arrays are
 * handed over, not copied (they can be megabytes); treat them as read-only.
 */
public record ProcessedImage(List<Rendition> renditions, int width, int height,
                             int thumbWidth, int thumbHeight, int miniWidth, int miniHeight,
                             SourceFormat sourceFormat, Placeholders placeholders) {

    /** The three files in one encoding. */
    public record Rendition(Encoding encoding, byte[] main, byte[] thumb, byte[] mini) {
    }

    public ProcessedImage {
        renditions = List.copyOf(renditions);
        if (renditions.isEmpty()) {
            throw new IllegalArgumentException("no rendition");
        }
    }

    private Rendition primary() {
        return renditions.get(0);
    }

    public byte[] main() {
        return primary().main();
    }

    public byte[] thumb() {
        return primary().thumb();
    }

    public byte[] mini() {
        return primary().mini();
    }

    /** The size of the primary main file, the {@code bytes} of the API. */
    public int mainSize() {
        return primary().main().length;
    }

    public int thumbSize() {
        return primary().thumb().length;
    }

    public int miniSize() {
        return primary().mini().length;
    }

    /** The rendition in {@code encoding}, or null when there is none. */
    public Rendition in(Encoding encoding) {
        return renditions.stream().filter(r -> r.encoding() == encoding).findFirst().orElse(null);
    }
}
