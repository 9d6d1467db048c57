package io.progimage.users.boundary;

import io.progimage.platform.boundary.DomainException;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Slow salted hashing (Jakarta Security's PBKDF2) for passwords, and for client secrets still
 * stored in that legacy form. Verifying an unknown account still costs one full hash, so
 * response time does not reveal which e-mails exist.
 * <p>
 * Each hash keeps a core busy for about a second, so a node runs only a few at once (by
 * default half its cores: sign-in traffic cannot starve image processing); a caller waits a
 * bounded time for its turn, in arrival order, then is refused with {@link DomainException.Kind#BUSY}.
 */
@ApplicationScoped
public class Passwords {

    @Inject
    Pbkdf2PasswordHash pbkdf2;

    /** OWASP's figure for PBKDF2-HMAC-SHA512 (2023). */
    @Inject
    @ConfigProperty(name = "progimage.password.iterations", defaultValue = "210000")
    int iterations;

    /** Hashes at once on this node; unset means half the cores, at least one. */
    @Inject
    @ConfigProperty(name = "progimage.password.max-concurrent")
    Optional<Integer> maxConcurrent;

    /** How long a caller waits for its turn before the 503. */
    @Inject
    @ConfigProperty(name = "progimage.password.max-wait-millis", defaultValue = "2000")
    long maxWaitMillis;

    private String decoy;
    private Semaphore permits;

    @PostConstruct
    void configure() {
        pbkdf2.initialize(Map.of(
                "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA512",
                "Pbkdf2PasswordHash.Iterations", String.valueOf(iterations),
                "Pbkdf2PasswordHash.SaltSizeBytes", "16",
                "Pbkdf2PasswordHash.KeySizeBytes", "32"));
        decoy = pbkdf2.generate("decoy password, never matches".toCharArray());
        int concurrent = maxConcurrent.orElse(Math.max(1, Runtime.getRuntime().availableProcessors() / 2));
        if (concurrent < 1 || maxWaitMillis < 0) {
            throw new IllegalArgumentException("progimage.password.max-concurrent must be at least 1 and "
                    + "progimage.password.max-wait-millis at least 0");
        }
        permits = new Semaphore(concurrent, true); // fair: waiting callers are served in arrival order
    }

    public String hash(String secret) {
        return bounded(() -> pbkdf2.generate(secret.toCharArray()));
    }

    /** Constant-time inside (Pbkdf2PasswordHash compares digests with MessageDigest.isEqual). */
    public boolean verify(String secret, String hash) {
        return bounded(() -> pbkdf2.verify(secret.toCharArray(), hash));
    }

    /** Burns the time a real verification would take, for an account that does not exist. */
    public void verifyDecoy(String secret) {
        bounded(() -> pbkdf2.verify(secret.toCharArray(), decoy));
    }

    private <T> T bounded(Supplier<T> hashing) {
        boolean acquired;
        try {
            acquired = permits.tryAcquire(maxWaitMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            acquired = false;
        }
        if (!acquired) {
            throw new DomainException(DomainException.Kind.BUSY, "too many sign-ins at once on this server, try again shortly");
        }
        try {
            return hashing.get();
        } finally {
            permits.release();
        }
    }

    /** Callers waiting for a permit: lets a test know a caller is queued before it frees one. */
    int waiting() {
        return permits.getQueueLength();
    }
}
