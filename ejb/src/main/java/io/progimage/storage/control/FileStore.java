package io.progimage.storage.control;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The files of each image in a folder named by its id. A file is written to a temporary name in
 * the same folder and renamed into place, so a reader (or a crash) never sees half a file
 * behind a URL. Names are checked against strict patterns, so no request can reach outside.
 */
public final class FileStore {

    private static final Pattern ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Pattern NAME = Pattern.compile("original|(?:thumb_|mini_)?[A-Za-z0-9]{1,64}(?:\\.jpg|\\.webp|\\.png)?");

    private final Path root;

    public FileStore(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    /** Writes the file whole, durably, then renames it into place. */
    public Path write(String imageId, String name, byte[] bytes) {
        Path target = file(imageId, name);
        try {
            Files.createDirectories(target.getParent());
            Path temp = Files.createTempFile(target.getParent(), "." + name + ".", ".tmp");
            try {
                try (OutputStream out = Files.newOutputStream(temp, StandardOpenOption.WRITE, StandardOpenOption.SYNC)) {
                    out.write(bytes);
                }
                try {
                    Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(temp);
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store " + name + " of image " + imageId, e);
        }
    }

    public byte[] read(String imageId, String name) {
        try {
            return Files.readAllBytes(file(imageId, name));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name + " of image " + imageId, e);
        }
    }

    /** The path of a stored file, after checking both parts; IllegalArgumentException for anything else. */
    public Path file(String imageId, String name) {
        if (!isValid(imageId, name)) {
            throw new IllegalArgumentException("not a stored file name");
        }
        return root.resolve(imageId).resolve(name);
    }

    public static boolean isValid(String imageId, String name) {
        return imageId != null && name != null && ID.matcher(imageId).matches() && NAME.matcher(name).matches();
    }

    /** Removes the temporary files of writes that never finished (the node died between write and rename). */
    public void discardTemporaries(String imageId) {
        Path folder = file(imageId, "original").getParent();
        if (!Files.isDirectory(folder)) {
            return;
        }
        try (Stream<Path> files = Files.list(folder)) {
            for (Path temp : files.filter(f -> f.getFileName().toString().endsWith(".tmp")).toList()) {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clean the folder of image " + imageId, e);
        }
    }

    /** Removes the image's folder with every file in it; nothing to do when there is none. */
    public void deleteAll(String imageId) {
        Path folder = file(imageId, "original").getParent();
        if (!Files.isDirectory(folder)) {
            return;
        }
        try (Stream<Path> files = Files.list(folder)) {
            for (Path f : files.toList()) {
                Files.deleteIfExists(f);
            }
            Files.deleteIfExists(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the files of image " + imageId, e);
        }
    }

    /** Removes one file, and the image's folder when that leaves it empty. */
    public void delete(String imageId, String name) {
        Path file = file(imageId, name);
        try {
            Files.deleteIfExists(file);
            if (!Files.isDirectory(file.getParent())) {
                return;
            }
            try (Stream<Path> rest = Files.list(file.getParent())) {
                if (rest.findAny().isEmpty()) {
                    Files.deleteIfExists(file.getParent());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + name + " of image " + imageId, e);
        }
    }
}
