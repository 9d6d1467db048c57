package io.progimage.webhooks.boundary;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;

import java.time.Duration;

/**
 * Sends webhook attempts to {@link WebhookDeliveries}: one message per attempt, carrying the bulk
 * id and the attempt's number, inside the caller's JTA transaction (sent if and only if the
 * delivery's new state commits), held back by the broker until the attempt is due. The delay is
 * asked for both ways a broker may understand: JMS 2.0's delivery delay (OpenMQ, on Payara
 * Server) and ActiveMQ Classic's {@code AMQ_SCHEDULED_DELAY} (Payara Micro; its broker runs with
 * {@code schedulerSupport=true}, and its producers refuse {@code setDeliveryDelay}). A message
 * that comes early anyway is dropped by the bean and re-sent by the reconciler when due.
 */
@ApplicationScoped
public class DeliveryQueue {

    /** The attempt a message is for (1 for the first). */
    static final String ATTEMPT = "attempt";

    static final String ACTIVEMQ_DELAY = "AMQ_SCHEDULED_DELAY";

    @Resource(lookup = "jms/workCF")
    ConnectionFactory connectionFactory;

    @Resource(lookup = "jms/webhookQueue")
    Queue webhookQueue;

    /** As {@code WorkQueue}: the classic API, a session enlisted in the caller's transaction. */
    public void send(String bulkId, int attempt, Duration delay) {
        try (Connection connection = connectionFactory.createConnection()) {
            Session session = connection.createSession(true, Session.SESSION_TRANSACTED);
            MessageProducer producer = session.createProducer(webhookQueue);
            TextMessage message = session.createTextMessage(bulkId);
            message.setIntProperty(ATTEMPT, attempt);
            long millis = Math.max(0, delay.toMillis());
            if (millis > 0) {
                message.setLongProperty(ACTIVEMQ_DELAY, millis);
                try {
                    producer.setDeliveryDelay(millis);
                } catch (UnsupportedOperationException | JMSException notThisBroker) {
                    // ActiveMQ Classic: its scheduler reads the property above instead
                }
            }
            producer.send(message);
        } catch (JMSException e) {
            throw new IllegalStateException("the webhook queue refused an attempt", e);
        }
    }
}
