package io.progimage.imaging.control;

import java.util.Locale;
import java.util.logging.Logger;

/**
 * Which codecs this JVM uses, chosen once at start-up: libjpeg-turbo for
 * JPEG and libwebp for reading WebP when their native libraries load, the
 * pure-Java ImageIO readers and the JDK's JPEG writer otherwise. Both paths give
 * the same images within the imaging tests' tolerances and pass the same safety
 * checks; the native one is several times faster (docs/performance.md).
 *
 * <p>The setting {@value #SETTING} ({@code auto}, the default, or {@code off})
 * is read from the system properties, where MicroProfile Config puts nothing
 * but where the build's second unit-test run and an operator can force the
 * fallback.
 */
public final class Codecs {

    public static final String SETTING = "progimage.imaging.native-codecs";

    private static final Logger LOG = Logger.getLogger(Codecs.class.getName());

    /** The pure-Java path. */
    public static final Codecs FALLBACK = new Codecs(null, false);

    private static volatile Codecs selected;

    /** libjpeg-turbo, or null for the JDK's codec. */
    final NativeJpeg jpeg;
    /** Whether libwebp (webp-imageio) reads WebP instead of TwelveMonkeys. */
    final boolean webp;

    private Codecs(NativeJpeg jpeg, boolean webp) {
        this.jpeg = jpeg;
        this.webp = webp;
    }

    /** The codecs of this JVM, selected on first use from {@value #SETTING}. */
    public static Codecs selected() {
        Codecs c = selected;
        if (c == null) {
            synchronized (Codecs.class) {
                c = selected;
                if (c == null) {
                    c = select(System.getProperty(SETTING, "auto"));
                    LOG.info("imaging codecs: " + c.describe());
                    selected = c;
                }
            }
        }
        return c;
    }

    static Codecs select(String setting) {
        String s = setting == null ? "auto" : setting.trim().toLowerCase(Locale.ROOT);
        if (s.equals("off") || s.equals("false")) {
            return FALLBACK;
        }
        if (!s.equals("auto") && !s.equals("on") && !s.equals("true")) {
            throw new IllegalArgumentException(SETTING + " must be auto or off, not " + setting);
        }
        String[] why = new String[1];
        NativeJpeg jpeg = NativeJpeg.load(Codecs.class.getClassLoader(), why);
        if (jpeg == null) {
            LOG.warning("libjpeg-turbo not available, JPEG through the JDK's codec: " + why[0]);
        }
        boolean webp;
        try {
            webp = NativeWebp.available(why);
        } catch (LinkageError e) {
            why[0] = e.toString();
            webp = false;
        }
        if (!webp) {
            LOG.warning("libwebp not available, WebP through the pure-Java reader: " + why[0]);
        }
        return new Codecs(jpeg, webp);
    }

    public boolean allNative() {
        return jpeg != null && webp;
    }

    /** For the start-up log and the health check. */
    public String describe() {
        return "JPEG: " + (jpeg == null ? "JDK ImageIO (libjpeg 6b, pure Java path)" : jpeg.version())
                + "; WebP: " + (webp ? "libwebp (webp-imageio)" : "TwelveMonkeys (pure Java)");
    }
}
