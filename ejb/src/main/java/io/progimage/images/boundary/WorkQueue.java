package io.progimage.images.boundary;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;

import java.util.List;

/**
 * Sends bulk items to {@link BulkItems}, one message per item carrying its id, inside the
 * caller's JTA transaction (XA connection factory): the messages are sent if and only if the
 * caller's rows commit.
 */
@ApplicationScoped
public class WorkQueue {

    @Resource(lookup = "jms/workCF")
    ConnectionFactory connectionFactory;

    @Resource(lookup = "jms/workQueue")
    Queue workQueue;

    /**
     * The classic API rather than an injected JMSContext: the ActiveMQ adapter's connection
     * proxy refuses createContext(sessionMode). Inside the JTA transaction the session is
     * enlisted whatever its arguments say, so the sends commit with the rows.
     */
    public void send(List<String> imageIds) {
        try (Connection connection = connectionFactory.createConnection()) {
            Session session = connection.createSession(true, Session.SESSION_TRANSACTED);
            MessageProducer producer = session.createProducer(workQueue);
            for (String imageId : imageIds) {
                producer.send(session.createTextMessage(imageId));
            }
        } catch (JMSException e) {
            throw new IllegalStateException("the work queue refused the bulk items", e);
        }
    }
}
