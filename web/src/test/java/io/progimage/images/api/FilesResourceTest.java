package io.progimage.images.api;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FilesResourceTest {

    @Test
    void ifNoneMatchComparesWeaklyAndAcceptsListsAndStar() {
        String tag = "\"abc-12\"";
        assertTrue(FilesResource.matches("\"abc-12\"", tag));
        assertTrue(FilesResource.matches("W/\"abc-12\"", tag));
        assertTrue(FilesResource.matches("\"x\", \"abc-12\"", tag));
        assertTrue(FilesResource.matches("*", tag));
        assertFalse(FilesResource.matches("\"abc-13\"", tag));
        assertFalse(FilesResource.matches("abc-12", tag));
        assertFalse(FilesResource.matches(null, tag));
    }
}
