package io.progimage.imaging.boundary;

import io.progimage.imaging.control.ImagePipeline;
import io.progimage.imaging.control.ImageRejectedException;
import io.progimage.imaging.control.ProcessedImage;
import io.progimage.imaging.control.ProcessingOptions;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * One pipeline per node: its memory budget is per JVM, so every upload, single or bulk, queues
 * on the same permits instead of each caller sizing its own.
 */
@ApplicationScoped
public class Imaging {

    @Inject
    @ConfigProperty(name = "progimage.image.max-pixels", defaultValue = "50000000")
    long maxPixels;

    private ImagePipeline pipeline;

    @PostConstruct
    void create() {
        pipeline = new ImagePipeline(maxPixels);
    }

    public ProcessedImage process(byte[] source, ProcessingOptions options) throws ImageRejectedException {
        return pipeline.process(source, options);
    }
}
