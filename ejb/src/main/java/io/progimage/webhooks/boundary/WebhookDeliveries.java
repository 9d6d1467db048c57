package io.progimage.webhooks.boundary;

import io.progimage.webhooks.control.CallbackPosts;
import io.progimage.webhooks.control.Signatures;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.TextMessage;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/**
 * Makes one webhook attempt per message: claims it ({@link DeliveryAttempts#claim}, its own
 * transaction), signs the document with the application's current secret at this moment's time,
 * POSTs it with no transaction or lock held, and records the answer ({@link DeliveryAttempts#finish}),
 * which schedules the next attempt when needed. Headers: {@code ProgImage-Signature}
 * ({@link Signatures}) and {@code ProgImage-Delivery}, the same on every attempt of a delivery,
 * for the receiver to drop repeats (delivery is at least once). Provider settings (the resource
 * adapter, concurrency) are in the packaging's descriptors, as for the bulk items' bean.
 */
@MessageDriven(name = "WebhookDeliveries", activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationLookup", propertyValue = "jms/webhookQueue"),
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue")})
public class WebhookDeliveries implements MessageListener {

    public static final String SIGNATURE_HEADER = "ProgImage-Signature";
    public static final String DELIVERY_HEADER = "ProgImage-Delivery";

    @Inject
    DeliveryAttempts attempts;

    @Inject
    Callbacks callbacks;

    @Inject
    Clock clock;

    @Override
    public void onMessage(Message message) {
        String bulkId;
        int attempt;
        try {
            bulkId = ((TextMessage) message).getText();
            attempt = message.getIntProperty(DeliveryQueue.ATTEMPT);
        } catch (JMSException | ClassCastException | NumberFormatException e) {
            throw new IllegalArgumentException("not a webhook attempt message", e); // poison: to the dead-letter queue
        }
        Optional<DeliveryAttempts.Claim> claimed = attempts.claim(bulkId, attempt);
        if (claimed.isEmpty()) {
            return; // a duplicate, a late or early message, or nothing left to sign with
        }
        DeliveryAttempts.Claim claim = claimed.get();
        byte[] body = claim.body().getBytes(StandardCharsets.UTF_8);
        String signature = Signatures.header(claim.secret(), clock.instant().getEpochSecond(), body);
        CallbackPosts.Answer answer = callbacks.post(claim.url(), Map.of(
                "Content-Type", "application/json",
                SIGNATURE_HEADER, signature,
                DELIVERY_HEADER, claim.deliveryId()), body);
        // if this fails (database away), the message rolls back and its redelivery finds the attempt
        // taken; the reconciler then records it lost and schedules the next one: at least once
        attempts.finish(bulkId, attempt, answer);
    }
}
