package io.progimage.imaging.control;

/**
 * What the header alone tells: the format and the size as displayed, i.e. with
 * the EXIF orientation already taken into account (a portrait photo stored
 * sideways reports its portrait size).
 */
public record ImageHeader(SourceFormat format, int width, int height) {

    public long pixels() {
        return (long) width * height;
    }
}
