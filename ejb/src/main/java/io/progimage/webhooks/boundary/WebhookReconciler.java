package io.progimage.webhooks.boundary;

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

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The safety net of webhook deliveries: no delivery waits for ever on a message that was lost or
 * an attempt whose node stopped. Every node looks every
 * {@code progimage.webhook.reconcile-interval-seconds} (default 60) on the container's managed
 * scheduled executor (not the EJB timer service, as {@code BulkReconciler} explains); the database
 * lock in {@link WebhookReconciliation} lets one node scan at a time.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED) // each scan is a transaction of WebhookReconciliation
public class WebhookReconciler {

    private static final Logger LOG = Logger.getLogger(WebhookReconciler.class.getName());

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    WebhookReconciliation reconciliation;

    @Inject
    WebhookSettings settings;

    private ScheduledFuture<?> scans;

    @PostConstruct
    void schedule() {
        long interval = settings.reconcileInterval().toMillis(); // reading the settings checks them: a bad schedule fails the deployment
        scans = scheduler.scheduleWithFixedDelay(this::reconcile, interval, interval, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        scans.cancel(false);
    }

    private void reconcile() {
        try {
            int recovered = reconciliation.reconcile();
            if (recovered > 0) {
                // each is a fault somewhere (a lost message, a stopped node): worth a look
                LOG.warning(() -> "webhook reconciler: " + recovered + " delivery(ies) re-sent or their lost attempt recorded");
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "webhook reconciler: this scan failed; next in " + settings.reconcileInterval().toSeconds() + " s", e);
        }
    }
}
