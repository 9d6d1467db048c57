package io.progimage.imaging.boundary;

import io.progimage.imaging.control.ImagePipeline;
import io.progimage.imaging.control.ImageRejectedException;
import io.progimage.imaging.control.MemoryBudget;
import io.progimage.imaging.control.ProcessedImage;
import io.progimage.imaging.control.ProcessingOptions;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;

/**
 * One pipeline per node: its memory budget is per JVM, so every upload, single or bulk, queues
 * on the same permits instead of each caller sizing its own.
 */
@ApplicationScoped
public class Imaging {

    @Inject
    @ConfigProperty(name = "progimage.image.max-pixels", defaultValue = "50000000")
    long maxPixels;

    /** How long a job queues for memory before it is refused as busy (503; a bulk item retries). */
    @Inject
    @ConfigProperty(name = "progimage.image.memory-wait-seconds", defaultValue = "20")
    long memoryWaitSeconds;

    /**
     * Where a job runs the half of its work that can go beside the other (the second core of
     * this machine for one upload): the container's default managed executor.
     */
    @Resource
    ManagedExecutorService helper;

    private ImagePipeline pipeline;

    @PostConstruct
    void create() {
        pipeline = new ImagePipeline(maxPixels, MemoryBudget.fromHeap(Duration.ofSeconds(memoryWaitSeconds)), helper);
    }

    public ProcessedImage process(byte[] source, ProcessingOptions options) throws ImageRejectedException {
        return pipeline.process(source, options);
    }
}
