package io.progimage.imaging.control;

/**
 * The one way the pipeline says no: unsupported, too large, truncated or corrupt
 * input, or invalid options. Decoder failures of every kind (including
 * {@code RuntimeException}s and {@code Error}s thrown by ImageIO plugins) are
 * wrapped in it, so callers never see a decoder's own exception.
 *
 * <p>Checked on purpose: inside an EJB a checked exception is an application
 * exception and reaches the caller as is, instead of being wrapped in an
 * {@code EJBException} and discarding the bean.
 */
public class ImageRejectedException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Why the image was refused; lets the API choose a status code. */
    public enum Reason {
        /** Not one of the supported formats (judged by content, never by name). */
        UNSUPPORTED_FORMAT,
        /** More pixels (or frames) than the configured limit. */
        TOO_LARGE,
        /** Truncated, corrupt or self-contradicting data. */
        CORRUPT,
        /** Processing options out of range. */
        INVALID_OPTIONS,
        /** The thread was interrupted while queueing for memory. */
        INTERRUPTED,
        /** No memory came free within the budget's wait: the node is saturated, a retry may pass. */
        BUSY
    }

    private final Reason reason;

    public ImageRejectedException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public ImageRejectedException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
