package io.progimage.platform.entity;

import org.eclipse.persistence.config.SessionCustomizer;
import org.eclipse.persistence.sessions.Session;

/**
 * EclipseLink re-runs a read that failed on a communication error, by default three times with
 * a second between attempts, each waiting out the pool's socket timeout again: a hung database
 * would hold a request for 15 s and more instead of the 5 s the API promises before its 503
 * (docs/decisions.md). The read fails once; the client, told 503 with Retry-After, retries.
 */
public class FailFastReads implements SessionCustomizer {

    @Override
    public void customize(Session session) {
        session.getLogin().setQueryRetryAttemptCount(0);
    }
}
