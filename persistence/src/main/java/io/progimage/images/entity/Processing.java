package io.progimage.images.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** The processing parameters of an image (API.md §5.4), validated before they get here. */
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

    protected Processing() {
    }

    public Processing(int quality, Integer thumbWidth, Integer thumbHeight, int rotation, String filter, Integer roundCorners) {
        this.quality = quality;
        this.thumbWidth = thumbWidth;
        this.thumbHeight = thumbHeight;
        this.rotation = rotation;
        this.filter = filter;
        this.roundCorners = roundCorners;
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
}
