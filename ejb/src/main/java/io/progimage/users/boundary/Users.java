package io.progimage.users.boundary;

import io.progimage.platform.boundary.DisplayNames;
import io.progimage.platform.boundary.DomainException;
import io.progimage.platform.boundary.DomainException.FieldError;
import io.progimage.users.entity.User;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;

import java.sql.SQLIntegrityConstraintViolationException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** Accounts (API.md §2): sign-up with validation, sign-in by e-mail and password. */
@Stateless
public class Users {

    static final int MAX_EMAIL = 254;
    static final int MIN_PASSWORD = 8;
    /** PBKDF2 hashes any length, but nobody needs more, and a cap keeps hashing cheap to bound. */
    static final int MAX_PASSWORD = 1024;
    private static final Pattern EMAIL = Pattern.compile("[^@\\s\\p{Cntrl}]+@[^@\\s\\p{Cntrl}]+\\.[^@\\s\\p{Cntrl}]+");

    @PersistenceContext
    EntityManager em;

    @Inject
    Passwords passwords;

    @Inject
    Clock clock;

    public User signUp(String name, String email, String password) {
        List<FieldError> errors = new ArrayList<>();
        DisplayNames.check("name", name, errors);
        if (email == null || email.isBlank()) {
            errors.add(new FieldError("email", "is required"));
        } else if (email.trim().length() > MAX_EMAIL || !EMAIL.matcher(email.trim()).matches()) {
            errors.add(new FieldError("email", "must be an e-mail address of at most " + MAX_EMAIL + " characters"));
        }
        if (password == null || password.length() < MIN_PASSWORD) {
            errors.add(new FieldError("password", "must be at least " + MIN_PASSWORD + " characters"));
        } else if (password.length() > MAX_PASSWORD) {
            errors.add(new FieldError("password", "must be at most " + MAX_PASSWORD + " characters"));
        }
        if (!errors.isEmpty()) {
            throw DomainException.invalid(errors);
        }
        // Hashed before the first query: waiting for a hashing permit (Passwords) must not hold a
        // database connection, or a sign-up flood would starve every other request of the pool.
        String passwordHash = passwords.hash(password);
        if (findByEmail(email).isPresent()) {
            throw conflict();
        }
        User user = new User(name.trim(), email, passwordHash, clock.instant());
        em.persist(user);
        try {
            em.flush(); // a concurrent sign-up with the same e-mail loses on the unique index here
        } catch (PersistenceException e) {
            if (isDuplicateKey(e)) {
                throw conflict();
            }
            throw e;
        }
        return user;
    }

    /**
     * The user with these credentials; the same work is done whether or not the e-mail exists.
     * Outside a transaction: the lookup gives its connection back at once, so the wait for a
     * hashing permit and the hash itself (about a second) hold none.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Optional<User> authenticate(String email, String password) {
        if (email == null || password == null || email.length() > MAX_EMAIL || password.length() > MAX_PASSWORD) {
            return Optional.empty();
        }
        Optional<User> user = findByEmail(email);
        if (user.isEmpty()) {
            passwords.verifyDecoy(password);
            return Optional.empty();
        }
        return passwords.verify(password, user.get().passwordHash()) ? user : Optional.empty();
    }

    public Optional<User> find(String id) {
        return Optional.ofNullable(em.find(User.class, id));
    }

    private Optional<User> findByEmail(String email) {
        return em.createNamedQuery(User.BY_EMAIL, User.class)
                .setParameter("email", User.normalizeEmail(email))
                .getResultStream().findFirst();
    }

    private static boolean isDuplicateKey(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLIntegrityConstraintViolationException) {
                return true;
            }
        }
        return false;
    }

    private static DomainException conflict() {
        return new DomainException(DomainException.Kind.CONFLICT, "an account with this e-mail already exists");
    }
}
