package io.progimage.users.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Map;

/**
 * Slow salted hashing (Jakarta Security's PBKDF2) for passwords and client secrets. Verifying
 * an unknown account still costs one full hash, so response time does not reveal which e-mails
 * or client ids exist.
 */
@ApplicationScoped
public class Passwords {

    @Inject
    Pbkdf2PasswordHash pbkdf2;

    /** OWASP's figure for PBKDF2-HMAC-SHA512 (2023). */
    @Inject
    @ConfigProperty(name = "progimage.password.iterations", defaultValue = "210000")
    int iterations;

    private String decoy;

    @PostConstruct
    void configure() {
        pbkdf2.initialize(Map.of(
                "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA512",
                "Pbkdf2PasswordHash.Iterations", String.valueOf(iterations),
                "Pbkdf2PasswordHash.SaltSizeBytes", "16",
                "Pbkdf2PasswordHash.KeySizeBytes", "32"));
        decoy = pbkdf2.generate("decoy password, never matches".toCharArray());
    }

    public String hash(String secret) {
        return pbkdf2.generate(secret.toCharArray());
    }

    /** Constant-time inside (Pbkdf2PasswordHash compares digests with MessageDigest.isEqual). */
    public boolean verify(String secret, String hash) {
        return pbkdf2.verify(secret.toCharArray(), hash);
    }

    /** Burns the time a real verification would take, for an account that does not exist. */
    public void verifyDecoy(String secret) {
        pbkdf2.verify(secret.toCharArray(), decoy);
    }
}
