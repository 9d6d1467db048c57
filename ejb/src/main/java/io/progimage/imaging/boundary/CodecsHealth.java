package io.progimage.imaging.boundary;

import io.progimage.imaging.control.Codecs;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * Which codecs this node decodes and encodes with, in {@code /health} (always UP: the fallback
 * works, only slower) and in the start-up log, where {@link Codecs#selected} writes it.
 */
@Liveness
@ApplicationScoped
public class CodecsHealth implements HealthCheck {

    /** At deployment, not at the first upload: the log says at once which path this node is on. */
    void start(@Observes @Initialized(ApplicationScoped.class) Object application) {
        Codecs.selected();
    }

    @Override
    public HealthCheckResponse call() {
        Codecs codecs = Codecs.selected();
        return HealthCheckResponse.named("imaging-codecs").up()
                .withData("native", codecs.allNative())
                .withData("codecs", codecs.describe())
                .build();
    }
}
