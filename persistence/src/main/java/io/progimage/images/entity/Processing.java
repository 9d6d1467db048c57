package io.progimage.images.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * The processing parameters of an image (API.md §5.4), validated before they get here, and the
 * output format asked for (issue 14): {@code jpeg}, {@code webp}, {@code png} or {@code auto}.
 */
@Embeddable
public class Processing {

    private int quality;

    @Column(name = "thumb_w")
    private Integer thumbWidth;

    @Column(name = "thumb_h")
    private Integer thumbHeight;

    private int rotation;

    private String filter;

    @Column(name = "round_corners")
    private Integer roundCorners;

    @Column(name = "output_format", nullable = false)
    private String format;

    protected Processing() {
    }

    public Processing(int quality, Integer thumbWidth, Integer thumbHeight, int rotation, String filter, Integer roundCorners,
                      String format) {
        if (!Image.FORMATS.contains(format)) {
            throw new IllegalArgumentException("no output format " + format);
        }
        this.quality = quality;
        this.thumbWidth = thumbWidth;
        this.thumbHeight = thumbHeight;
        this.rotation = rotation;
        this.filter = filter;
        this.roundCorners = roundCorners;
        this.format = format;
    }

    public int quality() {
        return quality;
    }

    public Integer thumbWidth() {
        return thumbWidth;
    }

    public Integer thumbHeight() {
        return thumbHeight;
    }

    public int rotation() {
        return rotation;
    }

    public String filter() {
        return filter;
    }

    public Integer roundCorners() {
        return roundCorners;
    }

    public String format() {
        return format;
    }
}
