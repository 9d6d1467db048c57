package io.progimage.users.boundary;

import io.progimage.platform.boundary.DomainException;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.function.Executable;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The bound on password hashes running at once: a full node answers BUSY (503), then recovers. */
@Timeout(30) // a safety net against a hung latch, not a timing assertion
class PasswordsTest {

    private final BlockingHash pbkdf2 = new BlockingHash();
    private final ExecutorService callers = Executors.newCachedThreadPool();

    @AfterEach
    void stop() {
        pbkdf2.release.countDown();
        callers.shutdownNow();
    }

    @Test
    void withEveryPermitHeldTheNextCallerIsRefusedAsBusyAfterTheBoundedWait() throws Exception {
        Passwords passwords = passwords(2, 50);
        String hash = passwords.hash("correct horse");
        List<Future<Boolean>> holders = holdPermits(passwords, hash, 2);

        int hashesBefore = pbkdf2.hashes.get();
        for (Executable call : List.<Executable>of(
                () -> passwords.verify("correct horse", hash),
                () -> passwords.hash("another password"),
                () -> passwords.verifyDecoy("unknown account's password"))) {
            DomainException refused = assertThrows(DomainException.class, call);
            assertEquals(DomainException.Kind.BUSY, refused.kind());
        }
        assertEquals(hashesBefore, pbkdf2.hashes.get(), "a refused caller must not have hashed anything");

        pbkdf2.release.countDown();
        for (Future<Boolean> holder : holders) {
            assertTrue(holder.get());
        }
        // the permits came back: the node serves again
        assertTrue(passwords.verify("correct horse", hash));
        assertFalse(passwords.verify("wrong horse", hash));
    }

    @Test
    void aQueuedCallerGetsThePermitFreedDuringItsWait() throws Exception {
        Passwords passwords = passwords(1, 60_000);
        String hash = passwords.hash("correct horse");
        List<Future<Boolean>> holder = holdPermits(passwords, hash, 1);

        Future<Boolean> queued = callers.submit(() -> passwords.verify("correct horse", hash));
        while (passwords.waiting() == 0) { // until the caller is really queued behind the holder
            Thread.onSpinWait();
        }
        assertFalse(queued.isDone());
        pbkdf2.release.countDown();
        assertTrue(holder.get(0).get());
        assertTrue(queued.get());
    }

    @Test
    void aHashThatFailsGivesItsPermitBack() {
        Passwords passwords = passwords(1, 0);
        assertThrows(IllegalArgumentException.class, () -> passwords.verify("x", "not a hash"));
        assertTrue(passwords.verify("x", passwords.hash("x")));
    }

    @Test
    void aBoundBelowOneIsAConfigurationError() {
        assertThrows(IllegalArgumentException.class, () -> passwords(0, 2000));
    }

    private Passwords passwords(int maxConcurrent, long maxWaitMillis) {
        Passwords passwords = new Passwords();
        passwords.pbkdf2 = pbkdf2;
        passwords.iterations = 210000;
        passwords.maxConcurrent = Optional.of(maxConcurrent);
        passwords.maxWaitMillis = maxWaitMillis;
        passwords.configure();
        return passwords;
    }

    /** Callers that each take a permit and keep it until {@code pbkdf2.release}; returns once all hold one. */
    private List<Future<Boolean>> holdPermits(Passwords passwords, String hash, int count) throws InterruptedException {
        pbkdf2.holding = new CountDownLatch(count);
        List<Future<Boolean>> holders = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            holders.add(callers.submit(() -> passwords.verify(BlockingHash.HOLD, hash)));
        }
        pbkdf2.holding.await();
        return holders;
    }

    /** A stand-in for the container's PBKDF2: instant, except for the password that holds its permit. */
    static final class BlockingHash implements Pbkdf2PasswordHash {

        static final String HOLD = "hold the permit";

        final CountDownLatch release = new CountDownLatch(1);
        final AtomicInteger hashes = new AtomicInteger();
        volatile CountDownLatch holding = new CountDownLatch(0);

        @Override
        public void initialize(Map<String, String> parameters) {
        }

        @Override
        public String generate(char[] password) {
            hashes.incrementAndGet();
            return "fake:" + new String(password);
        }

        @Override
        public boolean verify(char[] password, String hashedPassword) {
            if (!hashedPassword.startsWith("fake:")) {
                throw new IllegalArgumentException("Bad hash encoding");
            }
            if (new String(password).equals(HOLD)) {
                holding.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return true;
            }
            hashes.incrementAndGet();
            return hashedPassword.equals("fake:" + new String(password));
        }
    }
}
