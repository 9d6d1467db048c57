package io.progimage.images.boundary;

import io.progimage.images.control.PendingBound;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The safety net of the work queue: no bulk item stays pending longer than
 * {@code progimage.bulk.pending-bound-seconds} (default 10 minutes), whatever happened to its
 * message. Every node looks every {@code progimage.bulk.reconcile-interval-seconds} (default
 * 60, less than half the bound); the database lock in {@link BulkReconciliation} lets one of
 * them scan at a time. Each node schedules its own scans at start-up on the container's managed
 * scheduled executor, so there is nothing to migrate or to clean up when a node goes away. (Not
 * the EJB timer service: on Payara Server its first use opens an RMI listener on every
 * interface, which the loopback-only smoke test refuses.) Each turn also settles the bulks whose
 * settle check was lost ({@link Bulks#overlooked}).
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED) // each scan is a transaction of BulkReconciliation
public class BulkReconciler {

    private static final Logger LOG = Logger.getLogger(BulkReconciler.class.getName());

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    BulkReconciliation reconciliation;

    @Inject
    Bulks bulks;

    @Inject
    BulkSettlement settlement;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "progimage.bulk.pending-bound-seconds", defaultValue = "600")
    long boundSeconds;

    @Inject
    @ConfigProperty(name = "progimage.bulk.reconcile-interval-seconds", defaultValue = "60")
    long intervalSeconds;

    private PendingBound rule;
    private ScheduledFuture<?> scans;

    @PostConstruct
    void schedule() {
        // an impossible pair (interval not under half the bound) fails the deployment with its reason
        rule = new PendingBound(Duration.ofSeconds(boundSeconds), Duration.ofSeconds(intervalSeconds));
        long interval = rule.interval().toMillis();
        scans = scheduler.scheduleWithFixedDelay(this::reconcile, interval, interval, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        scans.cancel(false);
    }

    private void reconcile() {
        try {
            BulkReconciliation.Outcome outcome = reconciliation.reconcile(rule);
            if (outcome.requeued() > 0 || outcome.failed() > 0) {
                // each of these is a fault somewhere (a lost message, a dead-lettered one, a crash): worth a look
                LOG.warning(() -> "bulk reconciler: " + outcome.requeued() + " pending item(s) re-queued, "
                        + outcome.failed() + " failed (pending bound " + boundSeconds + " s)");
            }
            outcome.bulks().forEach(settlement::afterBulk); // after the scan's commit, as after any item that settles
            // bulks whose settle check was lost (a node stopped between an item's commit and its check);
            // not the lock's business: every node may look, the check itself settles a bulk once
            List<String> overlooked = bulks.overlooked(clock.instant().minus(rule.interval()), BulkReconciliation.BATCH);
            overlooked.forEach(settlement::afterBulk);
            if (!overlooked.isEmpty()) {
                LOG.warning(() -> "bulk reconciler: " + overlooked.size() + " bulk(s) had no pending item but were not settled");
            }
        } catch (RuntimeException e) {
            // the database or the broker is away: the next turn tries again (a task that threw would not be run again)
            LOG.log(Level.WARNING, "bulk reconciler: this scan failed; next in " + intervalSeconds + " s", e);
        }
    }
}
