package io.progimage.images.boundary;

import jakarta.jms.TextMessage;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The MDB's give-up rule, with a processing double that fails on demand (no broker needed for the rule). */
class BulkItemsTest {

    /** Records what the MDB asked for; its attempts counter plays the row's. */
    static final class RecordingProcessing extends BulkProcessing {
        final List<String> calls = new ArrayList<>();
        int attempts;
        boolean pending = true;
        boolean failing;
        boolean giveUpFails;

        @Override
        public int startAttempt(String imageId) {
            return pending ? ++attempts : 0;
        }

        @Override
        public void process(String imageId) {
            calls.add("process");
            if (failing) {
                throw new IllegalStateException("database unavailable");
            }
            pending = false;
        }

        @Override
        public void giveUp(String imageId) {
            calls.add("giveUp");
            if (giveUpFails) {
                throw new IllegalStateException("database unavailable");
            }
            pending = false;
        }
    }

    /** Records the settle checks in the processing double's calls, where they come in order. */
    static final class RecordingSettlement extends BulkSettlement {
        final List<String> calls;

        RecordingSettlement(List<String> calls) {
            this.calls = calls;
        }

        @Override
        public void afterItem(String imageId) {
            calls.add("settle");
        }
    }

    private static TextMessage message(String text) {
        return (TextMessage) Proxy.newProxyInstance(BulkItemsTest.class.getClassLoader(), new Class<?>[]{TextMessage.class},
                (proxy, method, args) -> method.getName().equals("getText") ? text : null);
    }

    private static BulkItems mdb(RecordingProcessing processing) {
        BulkItems items = new BulkItems();
        items.processing = processing;
        items.settlement = new RecordingSettlement(processing.calls);
        return items;
    }

    @Test
    void aTransientFailureIsRethrownForRedeliveryUntilTheFifthAttemptGivesUpAndAcknowledges() {
        RecordingProcessing processing = new RecordingProcessing();
        processing.failing = true;
        BulkItems items = mdb(processing);
        for (int attempt = 1; attempt <= 4; attempt++) {
            assertThrows(IllegalStateException.class, () -> items.onMessage(message("id")));
        }
        assertEquals(List.of("process", "process", "process", "process"), processing.calls);
        // the fifth: the attempt's own transaction has ended (process threw), then the give-up;
        // the delivery is acknowledged, so no redelivery and nothing in the dead-letter queue; then
        // the bulk's settle check, after the item's transaction
        items.onMessage(message("id"));
        assertEquals(List.of("process", "process", "process", "process", "process", "giveUp", "settle"), processing.calls);
        assertFalse(processing.pending);
        // a late or duplicated message after that finds the item settled and only repeats the check
        items.onMessage(message("id"));
        assertEquals(List.of("process", "process", "process", "process", "process", "giveUp", "settle", "settle"), processing.calls);
    }

    @Test
    void aGiveUpThatFailsRollsTheDeliveryBackSoALaterDeliveryOrTheReconcilerSettlesIt() {
        RecordingProcessing processing = new RecordingProcessing();
        processing.failing = true;
        processing.giveUpFails = true;
        processing.attempts = BulkItems.MAX_ATTEMPTS - 1;
        BulkItems items = mdb(processing);
        assertThrows(IllegalStateException.class, () -> items.onMessage(message("id")));
        assertEquals(List.of("process", "giveUp"), processing.calls); // no settle check: the item is still pending
        processing.giveUpFails = false;
        items.onMessage(message("id")); // e.g. OpenMQ's redelivery: beyond the last attempt, no more processing
        assertEquals(List.of("process", "giveUp", "giveUp", "settle"), processing.calls);
        assertFalse(processing.pending);
    }

    @Test
    void aDeliveryBeyondTheLastAttemptGivesUpWithoutProcessing() {
        RecordingProcessing processing = new RecordingProcessing();
        processing.attempts = BulkItems.MAX_ATTEMPTS; // e.g. the node died during the fifth attempt
        mdb(processing).onMessage(message("id"));
        assertEquals(List.of("giveUp", "settle"), processing.calls);
    }

    @Test
    void aSuccessfulAttemptIsAcknowledgedAndThenItsBulkIsChecked() {
        RecordingProcessing processing = new RecordingProcessing();
        mdb(processing).onMessage(message("id"));
        assertEquals(List.of("process", "settle"), processing.calls);
        assertEquals(1, processing.attempts);
    }

    @Test
    void aTransientFailureBeforeTheLastAttemptChecksNoBulk() {
        RecordingProcessing processing = new RecordingProcessing();
        processing.failing = true;
        assertThrows(IllegalStateException.class, () -> mdb(processing).onMessage(message("id")));
        assertEquals(List.of("process"), processing.calls);
    }
}
