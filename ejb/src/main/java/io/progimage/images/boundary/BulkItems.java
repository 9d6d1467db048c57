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

    /** The first delivery and four redeliveries (maximumRedeliveries in the WAR's ejb-jar.xml). */
    static final int MAX_DELIVERIES = 5;

    @Inject
    BulkProcessing processing;

    @Override
    public void onMessage(Message message) {
        String imageId;
        int delivery;
        try {
            imageId = ((TextMessage) message).getText();
            delivery = message.propertyExists("JMSXDeliveryCount") ? message.getIntProperty("JMSXDeliveryCount") : 1;
        } catch (JMSException | ClassCastException e) {
            throw new IllegalArgumentException("not a bulk item message", e); // poison: to the dead-letter queue
        }
        try {
            processing.process(imageId);
        } catch (RuntimeException e) {
            if (delivery >= MAX_DELIVERIES) {
                processing.giveUp(imageId);
            }
            throw e; // roll back: the broker redelivers with back-off, or gives up after the last
        }
    }
}
