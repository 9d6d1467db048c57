package io.progimage.platform.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;

import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The heap that upload sources hold while their request is handled: request bodies (counted by
 * the web layer as they are read) and remote files (counted as their buffer grows), both up to
 * the upload limit, and the originals read back for {@code image_id}. Whatever the imaging
 * memory budget does not see. A request reserves as its bytes arrive, so a client that
 * announces a large body and sends nothing holds nothing; when the room does not come within
 * {@code progimage.upload.memory-wait-millis} the request is refused as busy (503): many
 * concurrent worst-case uploads queue, then are refused, and never exhaust the heap.
 */
@ApplicationScoped
public class SourceMemory {

    /** Default: a quarter of the maximum heap (the imaging budget has half). */
    @Inject
    @ConfigProperty(name = "progimage.upload.memory-bytes")
    Optional<Long> memoryBytes;

    @Inject
    @ConfigProperty(name = "progimage.upload.memory-wait-millis", defaultValue = "5000")
    long waitMillis;

    @Inject
    MetricRegistry metrics;

    private Semaphore kibibytes;
    private int totalKibibytes;

    @PostConstruct
    void size() {
        long total = memoryBytes.orElse(Runtime.getRuntime().maxMemory() / 4);
        totalKibibytes = (int) Math.max(1, Math.min(Integer.MAX_VALUE, total / 1024));
        kibibytes = new Semaphore(totalKibibytes, true);
        metrics.gauge(Metadata.builder().withName("upload_memory_available_bytes")
                .withDescription("heap left for upload sources (request bodies, remote files) being handled").build(),
                kibibytes, permits -> permits.availablePermits() * 1024L);
    }

    /** Created with the application, so that its gauge is in /metrics before the first upload. */
    void start(@Observes @Initialized(ApplicationScoped.class) Object application) {
        // nothing to do: being called creates the bean
    }

    /** A reservation that starts empty and grows; closing it gives everything back. */
    public Reservation open() {
        return new Reservation();
    }

    public final class Reservation implements AutoCloseable {
        private int held;

        private Reservation() {
        }

        /**
         * Makes sure {@code bytes} in all are reserved (at most the whole room: a request larger
         * than it runs alone), waiting at most the configured time.
         *
         * @throws DomainException {@code BUSY} when the room does not come in time
         */
        public synchronized void growTo(long bytes) {
            int needed = (int) Math.min(totalKibibytes, Math.max(0, bytes) / 1024 + 1) - held;
            if (needed <= 0) {
                return;
            }
            boolean reserved;
            try {
                reserved = kibibytes.tryAcquire(needed, waitMillis, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                reserved = false;
            }
            if (!reserved) {
                throw new DomainException(DomainException.Kind.BUSY, "too many large uploads at once; retry shortly");
            }
            held += needed;
        }

        @Override
        public synchronized void close() {
            kibibytes.release(held);
            held = 0;
        }
    }
}
