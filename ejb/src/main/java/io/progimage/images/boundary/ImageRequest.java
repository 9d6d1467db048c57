package io.progimage.images.boundary;

import io.progimage.images.entity.Image.SourceKind;
import io.progimage.imaging.control.ProcessingOptions;

import java.util.Objects;

/**
 * One validated item of {@code POST /user/images}: exactly one source (decoded bytes, a remote
 * URL or the id of an earlier image) and the processing options, the pipeline's own type from
 * the web layer on (stored with a bulk item as the {@link io.progimage.images.entity.Processing} columns).
 */
public record ImageRequest(SourceKind kind, byte[] file, String remoteUrl, String imageId, ProcessingOptions options) {

    public ImageRequest {
        Objects.requireNonNull(kind);
        Objects.requireNonNull(options);
        if ((kind == SourceKind.FILE) != (file != null) || (kind == SourceKind.REMOTE) != (remoteUrl != null)
                || (kind == SourceKind.IMAGE) != (imageId != null)) {
            throw new IllegalArgumentException("exactly the source of the given kind must be set");
        }
    }
}
