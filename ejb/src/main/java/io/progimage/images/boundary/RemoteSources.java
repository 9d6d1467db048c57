package io.progimage.images.boundary;

import io.progimage.images.control.RemoteFiles;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.function.LongConsumer;

/** The node's remote-file client (API.md §7), configured once; its connection pool is shared. */
@ApplicationScoped
public class RemoteSources {

    @Inject
    @ConfigProperty(name = "progimage.remote.allow-private", defaultValue = "false")
    boolean allowPrivate;

    @Inject
    @ConfigProperty(name = "progimage.upload.max-bytes", defaultValue = "26214400")
    long maxBytes;

    /** Per connection attempt, within the total below. */
    @Inject
    @ConfigProperty(name = "progimage.remote.connect-timeout-seconds", defaultValue = "5")
    int connectTimeoutSeconds;

    /** One deadline over the whole fetch: pool wait, DNS, connect, TLS, headers, body, every redirect hop. */
    @Inject
    @ConfigProperty(name = "progimage.remote.timeout-seconds", defaultValue = "30")
    int timeoutSeconds;

    private RemoteFiles remoteFiles;

    @PostConstruct
    void open() {
        remoteFiles = new RemoteFiles(new RemoteFiles.Settings(allowPrivate, maxBytes,
                Duration.ofSeconds(connectTimeoutSeconds), Duration.ofSeconds(timeoutSeconds), 3));
    }

    /** {@code hold} is told how many bytes the fetch holds before it allocates them (and may throw to refuse). */
    public byte[] fetch(String url, LongConsumer hold) throws RemoteFiles.Refused {
        return remoteFiles.fetch(url, hold);
    }

    @PreDestroy
    void close() {
        try {
            remoteFiles.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
