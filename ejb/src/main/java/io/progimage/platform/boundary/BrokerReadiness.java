package io.progimage.platform.boundary;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.Message;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import java.util.UUID;

/**
 * Ready only while the broker takes a message and hands it back: one round trip through the
 * deployed connection factory and a queue of its own, so the work queue never sees it.
 */
@Readiness
@ApplicationScoped
public class BrokerReadiness implements HealthCheck {

    private static final long RECEIVE_TIMEOUT_MS = 2000;

    @Resource(lookup = "jms/workCF")
    ConnectionFactory connectionFactory;

    @Resource(lookup = "jms/healthQueue")
    Queue healthQueue;

    @Override
    public HealthCheckResponse call() {
        String probe = UUID.randomUUID().toString();
        try (Connection connection = connectionFactory.createConnection()) {
            connection.start();
            // createSession() without arguments is refused by the ActiveMQ RA's proxy.
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            Message message = session.createTextMessage(probe);
            message.setStringProperty("probe", probe);
            MessageProducer producer = session.createProducer(healthQueue);
            // a probe nobody picks up (a timed-out check) must not pile up in the persistent store
            producer.setDeliveryMode(DeliveryMode.NON_PERSISTENT);
            producer.setTimeToLive(10 * RECEIVE_TIMEOUT_MS);
            producer.send(message);
            Message echo = session.createConsumer(healthQueue, "probe = '" + probe + "'").receive(RECEIVE_TIMEOUT_MS);
            return HealthCheckResponse.named("broker").status(echo != null).withData("roundTrip", echo != null).build();
        } catch (Exception e) {
            return HealthCheckResponse.named("broker").down().withData("error", e.getClass().getSimpleName()).build();
        }
    }
}
