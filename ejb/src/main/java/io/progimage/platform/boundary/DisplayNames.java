package io.progimage.platform.boundary;

import io.progimage.platform.boundary.DomainException.FieldError;

import java.util.List;

/** The rule every human-chosen name (a user's, an application's) follows: present, short, printable. */
public final class DisplayNames {

    public static final int MAX_LENGTH = 100;

    private DisplayNames() {
    }

    /** Adds to {@code errors} what is wrong with {@code value} as the name field {@code field}. */
    public static void check(String field, String value, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldError(field, "is required"));
        } else if (value.length() > MAX_LENGTH || value.chars().anyMatch(Character::isISOControl)) {
            errors.add(new FieldError(field, "must be at most " + MAX_LENGTH + " characters, without control characters"));
        }
    }
}
