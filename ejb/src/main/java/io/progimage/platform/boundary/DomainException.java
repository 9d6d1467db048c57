package io.progimage.platform.boundary;

import jakarta.ejb.ApplicationException;

import java.util.List;

/**
 * The one way business code says "no" to a caller: what kind of refusal (the web layer maps it
 * to the contract's status and code) and a message written for humans, never an exception's
 * own text. Rolls the transaction back, so a refused request changes nothing.
 */
@ApplicationException(rollback = true)
public class DomainException extends RuntimeException {

    /**
     * {@code UNAVAILABLE}: a dependency cannot be reached. {@code BUSY}: this node is saturated
     * (e.g. every password-hash permit taken) and a retry in a moment should succeed.
     */
    public enum Kind { INVALID, BAD_CREDENTIALS, NOT_FOUND, CONFLICT, UNAVAILABLE, BUSY }

    /** A field that failed validation, named as the client sent it (e.g. {@code process[1].quality}). */
    public record FieldError(String field, String message) {
    }

    private final Kind kind;
    private final List<FieldError> details;

    public DomainException(Kind kind, String message) {
        this(kind, message, List.of());
    }

    public DomainException(Kind kind, String message, List<FieldError> details) {
        super(message, null, false, false); // control flow, not a fault: no stack trace to fill in
        this.kind = kind;
        this.details = List.copyOf(details);
    }

    public static DomainException invalid(String field, String message) {
        return new DomainException(Kind.INVALID, field + " " + message, List.of(new FieldError(field, message)));
    }

    public static DomainException invalid(List<FieldError> details) {
        FieldError first = details.get(0);
        return new DomainException(Kind.INVALID, first.field() + " " + first.message(), details);
    }

    public Kind kind() {
        return kind;
    }

    public List<FieldError> details() {
        return details;
    }
}
