package io.progimage.images.boundary;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.TextMessage;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Receives one bulk item per message and hands it to {@link BulkProcessing}: counts the attempt
 * (committed on its own, so it survives a rollback on any broker), runs it, and after the last
 * failed attempt gives the item up and acknowledges the message. The message's own transaction
 * touches no row: every step is a transaction of its own, taken one after the other, so no step
 * waits for a lock another step of the same delivery still holds. The last step, once the item has
 * settled, is its bulk's settle check ({@link BulkSettlement}), which may schedule the bulk's webhook.
 * Provider-specific settings (the resource adapter, redelivery, concurrency) are in the
 * packaging's descriptors: the WAR's {@code WEB-INF/ejb-jar.xml} and {@code glassfish-ejb-jar.xml}
 * for ActiveMQ on Payara Micro; the built-in OpenMQ on Payara Server needs none.
 */
@MessageDriven(name = "BulkItems", activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationLookup", propertyValue = "jms/workQueue"),
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue")})
public class BulkItems implements MessageListener {

    private static final Logger LOG = Logger.getLogger(BulkItems.class.getName());

    /**
     * Attempts before an item is given up. Counted in the item's row, not by the broker's
     * JMSXDeliveryCount, which OpenMQ does not raise for its own redeliveries.
     */
    static final int MAX_ATTEMPTS = 5;

    @Inject
    BulkProcessing processing;

    @Inject
    BulkSettlement settlement;

    @Override
    public void onMessage(Message message) {
        String imageId;
        try {
            imageId = ((TextMessage) message).getText();
        } catch (JMSException | ClassCastException e) {
            throw new IllegalArgumentException("not a bulk item message", e); // poison: to the dead-letter queue
        }
        int attempt = processing.startAttempt(imageId);
        if (attempt == 0) {
            // already ready or failed: a duplicate or late redelivery, perhaps of a node that stopped
            // between the item's commit and its bulk's settle check, so the check runs again
            settlement.afterItem(imageId);
            return;
        }
        if (attempt > MAX_ATTEMPTS) {
            processing.giveUp(imageId);
            settlement.afterItem(imageId);
            return;
        }
        try {
            processing.process(imageId); // its own transaction: rolled back, row lock released, when it throws
        } catch (RuntimeException e) {
            if (attempt < MAX_ATTEMPTS) {
                throw e; // roll the delivery back: the broker redelivers with back-off
            }
            LOG.log(Level.WARNING, "bulk item " + imageId + " failed on its last attempt", e);
            processing.giveUp(imageId); // if this fails too, the delivery rolls back and a redelivery or the reconciler settles it
        }
        // the item is ready or failed and committed: its bulk may be settled now (never in the item's transaction)
        settlement.afterItem(imageId);
    }
}
