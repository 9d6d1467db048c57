package io.progimage.images.control;

import io.progimage.images.control.PendingBound.Verdict;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The reconciler's rule with explicit times: default bound 10 min, a look every minute, five attempts. */
class PendingBoundTest {

    private static final int MAX = 5;
    private static final Instant CREATED = Instant.parse("2026-01-01T12:00:00Z");
    private static final PendingBound RULE = new PendingBound(Duration.ofMinutes(10), Duration.ofMinutes(1));

    private static Instant at(String offset) {
        return CREATED.plus(Duration.parse("PT" + offset));
    }

    private static Verdict fresh(String age, int attempts) {
        return RULE.verdict(at(age), CREATED, CREATED, attempts, MAX);
    }

    @Test
    void anItemYoungerThanHalfTheBoundIsLeftAlone() {
        assertEquals(Verdict.WAIT, fresh("0S", 0));
        assertEquals(Verdict.WAIT, fresh("4M59.999S", 0));
        assertEquals(Verdict.WAIT, fresh("4M59.999S", MAX)); // even exhausted: its last delivery may still be running
    }

    @Test
    void anItemSilentForHalfTheBoundIsRequeuedWhileAttemptsRemain() {
        assertEquals(Verdict.REQUEUE, fresh("5M", 0));
        assertEquals(Verdict.REQUEUE, fresh("5M", MAX - 1));
        assertEquals(Verdict.FAIL, fresh("5M", MAX)); // nothing left to try: failed rather than pending
    }

    @Test
    void aRequeuedItemIsNotRequeuedAgainOnTheNextLooks() {
        Instant requeued = at("5M");
        assertEquals(Verdict.WAIT, RULE.verdict(at("6M"), CREATED, requeued, 2, MAX));
        assertEquals(Verdict.WAIT, RULE.verdict(at("8M59.999S"), CREATED, requeued, 2, MAX));
    }

    @Test
    void anItemFailsAtTheLastLookBeforeTheBoundWhateverElseHolds() {
        Instant requeued = at("5M");
        // bound 10 min, next look 1 min later: at 9 min it must go now, or the next look is too late
        assertEquals(Verdict.FAIL, RULE.verdict(at("9M"), CREATED, requeued, 0, MAX));
        assertEquals(Verdict.FAIL, RULE.verdict(at("9M"), CREATED, at("8M59S"), 0, MAX));
        assertEquals(Verdict.WAIT, RULE.verdict(at("8M59.999S"), CREATED, requeued, 0, MAX));
        assertEquals(Verdict.FAIL, fresh("3H", 0)); // found long after (every node was down): failed at once
    }

    @Test
    void lookingEveryIntervalNoItemIsStillPendingAtTheBound() {
        // whatever the phase of the looks, the last look before the bound fails the item
        for (long phaseMs = 0; phaseMs < 60_000; phaseMs += 7_001) {
            Instant lastQueued = CREATED;
            Verdict verdict = Verdict.WAIT;
            Instant look = CREATED.plusMillis(phaseMs);
            while (look.isBefore(CREATED.plus(RULE.bound())) && verdict != Verdict.FAIL) {
                verdict = RULE.verdict(look, CREATED, lastQueued, 1, MAX);
                if (verdict == Verdict.REQUEUE) {
                    lastQueued = look; // what the reconciler records
                }
                look = look.plus(RULE.interval());
            }
            assertEquals(Verdict.FAIL, verdict, "phase " + phaseMs + " ms");
        }
    }

    @Test
    void theScanCutoffsSelectExactlyTheItemsTheRuleSettles() {
        Instant now = at("20M");
        assertEquals(at("15M"), RULE.requeueQueuedUpTo(now));
        assertEquals(at("11M"), RULE.failCreatedUpTo(now));
        // anything created after the re-queue cutoff waits, whatever its attempts
        Instant younger = RULE.requeueQueuedUpTo(now).plusMillis(1);
        for (int attempts = 0; attempts <= MAX; attempts++) {
            assertEquals(Verdict.WAIT, RULE.verdict(now, younger, younger, attempts, MAX));
        }
        // re-queued recently but created before the fail cutoff: fails, though its message is fresh
        assertEquals(Verdict.FAIL, RULE.verdict(now, at("11M"), at("19M"), 0, MAX));
        assertEquals(Verdict.WAIT, RULE.verdict(now, at("11M").plusMillis(1), at("19M"), 0, MAX));
    }

    @Test
    void anIntervalOfHalfTheBoundOrMoreIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new PendingBound(Duration.ofSeconds(20), Duration.ofSeconds(10)));
        assertThrows(IllegalArgumentException.class, () -> new PendingBound(Duration.ofSeconds(20), Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> new PendingBound(Duration.ZERO, Duration.ofSeconds(1)));
        assertFalse(new PendingBound(Duration.ofSeconds(20), Duration.ofSeconds(9)).bound().isZero());
    }
}
