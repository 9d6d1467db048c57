package io.progimage.images.boundary;

import io.progimage.images.entity.Image.SourceKind;
import io.progimage.platform.boundary.DomainException;

/**
 * An image's source refused (API.md §5.4, §7): the file is not an image this service reads, the
 * remote file cannot be fetched or is not allowed, {@code image_id} names nothing the caller may
 * use. It says which source, and in a bulk which item; the web layer names the field the client
 * wrote. Its message reads on its own ("the remote file ..."), as a failed bulk item shows it.
 */
public class SourceRefused extends DomainException {

    private final SourceKind source;
    private final int item;
    private final String reason;

    public SourceRefused(SourceKind source, String reason) {
        this(source, -1, reason);
    }

    private SourceRefused(SourceKind source, int item, String reason) {
        super(Kind.INVALID, subject(source) + " " + reason);
        this.source = source;
        this.item = item;
        this.reason = reason;
    }

    /** The same refusal, of the bulk's item at {@code index}. */
    public SourceRefused inItem(int index) {
        return new SourceRefused(source, index, reason);
    }

    public SourceKind source() {
        return source;
    }

    /** The bulk item's index, or -1 for a single upload. */
    public int item() {
        return item;
    }

    /** What is wrong, to follow the field's name ("must be the id of one of your ready images"). */
    public String reason() {
        return reason;
    }

    private static String subject(SourceKind source) {
        return switch (source) {
            case FILE -> "the file";
            case REMOTE -> "the remote file";
            case IMAGE -> "the source image";
        };
    }
}
