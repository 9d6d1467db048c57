package io.progimage.storage.control;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FileStoreTest {

    @TempDir
    Path root;

    @Test
    void writesWholeFilesWithNoTemporaryLeftBehind() throws Exception {
        FileStore store = new FileStore(root);
        String id = UUID.randomUUID().toString();
        store.write(id, "abc.jpg", new byte[]{1, 2, 3});
        assertArrayEquals(new byte[]{1, 2, 3}, store.read(id, "abc.jpg"));
        try (var files = Files.list(root.resolve(id))) {
            assertTrue(files.allMatch(f -> f.getFileName().toString().equals("abc.jpg")));
        }
    }

    @Test
    void deletingTheLastFileRemovesTheFolder() {
        FileStore store = new FileStore(root);
        String id = UUID.randomUUID().toString();
        store.write(id, "original", new byte[]{1});
        store.write(id, "thumb_abc.jpg", new byte[]{2});
        store.delete(id, "thumb_abc.jpg");
        assertTrue(Files.exists(root.resolve(id).resolve("original")));
        store.delete(id, "original");
        assertFalse(Files.exists(root.resolve(id)));
    }

    @Test
    void namesOutsideThePatternsAreRefused() {
        FileStore store = new FileStore(root);
        String id = UUID.randomUUID().toString();
        assertThrows(IllegalArgumentException.class, () -> store.file("../etc", "passwd"));
        assertThrows(IllegalArgumentException.class, () -> store.file(id, "../../x.jpg"));
        assertThrows(IllegalArgumentException.class, () -> store.file(id, "a.gif"));
        assertThrows(IllegalArgumentException.class, () -> store.file(id, "a.jpg.webp"));
        assertFalse(FileStore.isValid(id.toUpperCase(), "a.jpg"));
    }
}
