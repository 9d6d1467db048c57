package io.progimage.storage.boundary;

import io.progimage.storage.control.FileStore;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The storage directory ({@code progimage.storage.dir}). Files are written inside the caller's
 * transaction, before its commit, so a committed row always has its files; if the transaction
 * rolls back, the image's folder is removed again, so a failed request leaves no orphan file.
 */
@ApplicationScoped
public class Storage {

    private static final Logger LOG = Logger.getLogger(Storage.class.getName());

    @Inject
    @ConfigProperty(name = "progimage.storage.dir", defaultValue = "./data/storage")
    String directory;

    @Resource
    TransactionSynchronizationRegistry transactions;

    private FileStore store;

    @PostConstruct
    void open() {
        store = new FileStore(Path.of(directory));
    }

    /** Writes the image's files; must be called inside a transaction. */
    public void writeAll(String imageId, StoredFile... files) {
        transactions.registerInterposedSynchronization(new RemoveOnRollback(imageId, files));
        for (StoredFile file : files) {
            store.write(imageId, file.name(), file.bytes());
        }
    }

    /** Removes every file of the image once the caller's transaction has committed (DELETE). */
    public void removeAllOnCommit(String imageId) {
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    try {
                        store.deleteAll(imageId);
                    } catch (RuntimeException e) {
                        // the row is gone, so no URL reaches these files: garbage, not a leak to clients
                        LOG.log(Level.WARNING, "could not remove the files of deleted image " + imageId, e);
                    }
                }
            }
        });
    }

    public void discardTemporaries(String imageId) {
        store.discardTemporaries(imageId);
    }

    public byte[] read(String imageId, String name) {
        return store.read(imageId, name);
    }

    /** The size of a stored file, to count it before it is read. */
    public long size(String imageId, String name) {
        try {
            return Files.size(store.file(imageId, name));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the size of " + name + " of image " + imageId, e);
        }
    }

    public Path path(String imageId, String name) {
        return store.file(imageId, name);
    }

    public record StoredFile(String name, byte[] bytes) {
    }

    /** Removes exactly the files this transaction wrote: a bulk item's original, stored earlier, stays. */
    private final class RemoveOnRollback implements Synchronization {
        private final String imageId;
        private final StoredFile[] files;

        RemoveOnRollback(String imageId, StoredFile[] files) {
            this.imageId = imageId;
            this.files = files;
        }

        @Override
        public void beforeCompletion() {
        }

        @Override
        public void afterCompletion(int status) {
            if (status != Status.STATUS_COMMITTED) {
                try {
                    for (StoredFile file : files) {
                        store.delete(imageId, file.name());
                    }
                } catch (RuntimeException e) {
                    // a leftover folder without a committed row is garbage a sweep may delete (DESIGN.md §1)
                    LOG.log(Level.WARNING, "could not remove the files of rolled-back image " + imageId, e);
                }
            }
        }
    }
}
