package io.progimage.images.boundary;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.TextMessage;

/**
 * Receives one bulk item per message and hands it to {@link BulkProcessing}; nothing else.
 * Provider-specific settings (the resource adapter, redelivery, concurrency) are in the
 * packaging's descriptors: the WAR's {@code WEB-INF/ejb-jar.xml} and {@code glassfish-ejb-jar.xml}
 * for ActiveMQ on Payara Micro; the built-in OpenMQ on Payara Server needs none.
 */
@MessageDriven(name = "BulkItems", activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationLookup", propertyValue = "jms/workQueue"),
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue")})
public class BulkItems implements MessageListener {

    /**
     * Attempts before an item is given up. Counted in the item's row, not by the broker's
     * JMSXDeliveryCount, which OpenMQ does not raise for its own redeliveries.
     */
    static final int MAX_ATTEMPTS = 5;

    @Inject
    BulkProcessing processing;

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
            return; // already ready or failed: a duplicate or late redelivery
        }
        if (attempt > MAX_ATTEMPTS) {
            processing.giveUp(imageId);
            return;
        }
        try {
            processing.process(imageId);
        } catch (RuntimeException e) {
            if (attempt == MAX_ATTEMPTS) {
                processing.giveUp(imageId);
            }
            throw e; // roll back: the broker redelivers with back-off
        }
    }
}
