package io.progimage.images.boundary;

import org.eclipse.microprofile.metrics.annotation.Timed;
import io.progimage.images.control.RemoteFiles;
import io.progimage.images.entity.Image;
import io.progimage.images.entity.Processing;
import io.progimage.imaging.boundary.Imaging;
import io.progimage.imaging.control.Filter;
import io.progimage.imaging.control.ImageRejectedException;
import io.progimage.imaging.control.OutputFormat;
import io.progimage.imaging.control.ProcessedImage;
import io.progimage.imaging.control.ProcessingOptions;
import io.progimage.platform.boundary.DomainException;
import io.progimage.platform.boundary.SourceMemory;
import io.progimage.storage.boundary.Storage;
import io.progimage.storage.boundary.Storage.StoredFile;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Turns an image's source bytes into its stored files and marks it ready: the one code path
 * of single uploads and bulk items alike. Runs inside the caller's transaction, so the files
 * and the row's new state commit together, or the files are removed again.
 */
@ApplicationScoped
public class Processor {

    static final String ORIGINAL = "original";

    @Inject
    Imaging imaging;

    @Inject
    RemoteSources remoteSources;

    @Inject
    Storage storage;

    @Inject
    Clock clock;

    /**
     * The source bytes of a remote image, counted in {@code held} as its buffer grows; a refusal
     * is the client's problem ({@link SourceRefused}, a 422), no room in the memory is BUSY (503).
     */
    public byte[] fetch(String url, SourceMemory.Reservation held) {
        try {
            return remoteSources.fetch(url, held::growTo);
        } catch (RemoteFiles.Refused e) {
            throw new SourceRefused(Image.SourceKind.REMOTE, e.getMessage());
        }
    }

    /** The original upload of an earlier image, for {@code image_id}, counted in {@code held} before it is read. */
    public byte[] original(Image source, SourceMemory.Reservation held) {
        held.growTo(storage.size(source.id(), ORIGINAL));
        return storage.read(source.id(), ORIGINAL);
    }

    /** A node killed mid-write may have left temporary files: they go before a new attempt. */
    public void discardPartialFiles(Image image) {
        storage.discardTemporaries(image.id());
    }

    /**
     * Processes and stores; {@code keepOriginal} stores the source too (not needed when it was
     * stored already, as for a bulk item's upload).
     */
    @Timed(name = "image_processing", absolute = true, description = "decode, transform, encode and store one image")
    public void process(Image image, byte[] source, boolean keepOriginal) {
        ProcessedImage result;
        try {
            result = imaging.process(source, options(image.processing()));
        } catch (ImageRejectedException e) {
            if (e.reason() == ImageRejectedException.Reason.BUSY || e.reason() == ImageRejectedException.Reason.INTERRUPTED) {
                throw new DomainException(DomainException.Kind.BUSY, e.getMessage()); // not the image's fault: 503, a retry may pass
            }
            throw new SourceRefused(image.sourceKind(), e.getMessage());
        }
        List<StoredFile> files = new ArrayList<>();
        if (keepOriginal) {
            files.add(new StoredFile(ORIGINAL, source));
        }
        for (ProcessedImage.Rendition rendition : result.renditions()) {
            String format = rendition.encoding().wireName();
            files.add(new StoredFile(image.storedFileName("", format), rendition.main()));
            files.add(new StoredFile(image.storedFileName("thumb_", format), rendition.thumb()));
            files.add(new StoredFile(image.storedFileName("mini_", format), rendition.mini()));
        }
        storage.writeAll(image.id(), files.toArray(StoredFile[]::new));
        image.markReady(result.sourceFormat().name().toLowerCase(Locale.ROOT), result.width(), result.height(),
                result.mainSize(), result.placeholders().dominantColor(), result.placeholders().blurhash(),
                result.renditions().stream().map(r -> r.encoding().wireName()).toList(), clock.instant());
    }

    /** The options as a bulk item's columns keep them until its turn comes. */
    static Processing processing(ProcessingOptions o) {
        return new Processing(o.quality(), o.thumbWidth(), o.thumbHeight(), o.rotation(),
                o.filter() == null ? null : o.filter().name().toLowerCase(Locale.ROOT), o.cornerRadius(), o.format().wireName());
    }

    static ProcessingOptions options(Processing p) {
        return new ProcessingOptions(p.quality(), p.thumbWidth(), p.thumbHeight(), p.rotation(),
                Filter.fromName(p.filter()), p.roundCorners(), OutputFormat.fromWireName(p.format()));
    }
}
