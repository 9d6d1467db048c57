package io.progimage.imaging.control;

import java.awt.image.BufferedImage;

final class Looks {
    private Looks() {
    }

    static BufferedImage toaster(BufferedImage i) { return i; }
    static BufferedImage lomo(BufferedImage i) { return i; }
    static BufferedImage kelvin(BufferedImage i) { return i; }
    static BufferedImage colortone(BufferedImage i) { return i; }
    static BufferedImage gotham(BufferedImage i) { return i; }
}
