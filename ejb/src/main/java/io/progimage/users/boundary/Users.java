package io.progimage.users.boundary;

import io.progimage.platform.boundary.DomainException;
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
import java.util.Optional;

/** Accounts (API.md §2): sign-up with validation, sign-in by e-mail and password. */
@Stateless
public class Users {

    static final int MAX_EMAIL = 254;
    /** PBKDF2 hashes any length, but nobody needs more, and a cap keeps hashing cheap to bound. */
    static final int MAX_PASSWORD = 1024;

    @PersistenceContext
    EntityManager em;

    @Inject
    Passwords passwords;

    @Inject
    Clock clock;

    /** Valid values (the web layer's request rules check them, users.api.UserView.SignUp); a taken e-mail is a conflict. */
    public User signUp(String name, String email, String password) {
        if (name == null || name.isBlank() || email == null || password == null) {
            throw new IllegalArgumentException("a sign-up needs a name, an e-mail and a password");
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
