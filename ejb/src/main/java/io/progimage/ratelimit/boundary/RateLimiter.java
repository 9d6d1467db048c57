package io.progimage.ratelimit.boundary;

import com.hazelcast.config.InMemoryFormat;
import com.hazelcast.config.MapConfig;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.progimage.ratelimit.control.Decision;
import io.progimage.ratelimit.control.LocalWindows;
import io.progimage.ratelimit.control.WindowUpdate;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * At most {@code progimage.rate.limit} requests per key in any sliding
 * {@code progimage.rate.window-seconds} (default 20 in 5 s), counted across every node: the
 * windows live in an IMap of Payara's embedded Hazelcast and are updated by an entry processor
 * on the key's partition.
 *
 * <p>When the key's partition cannot answer within {@code progimage.rate.cluster-wait-millis}
 * (default 1000: its owner was killed or cut off and the cluster has not yet noticed), the
 * request is decided by this node's own window instead ({@link LocalWindows}), with a warning in
 * the log (at most one a minute) and the {@code rate_limit_local_decisions} counter in
 * {@code /metrics}; for the next 5 s every check is decided locally without waiting, then the
 * cluster is asked again: a request is never refused or delayed further because the limiter's store is
 * unwell, and the limit still holds per node.
 */
@ApplicationScoped
public class RateLimiter {

    private static final Logger LOG = Logger.getLogger(RateLimiter.class.getName());

    static final String MAP = "progimage-rate-windows";

    @Inject
    HazelcastInstance hazelcast;

    @Inject
    @ConfigProperty(name = "progimage.rate.limit", defaultValue = "20")
    int limit;

    @Inject
    @ConfigProperty(name = "progimage.rate.window-seconds", defaultValue = "5")
    int windowSeconds;

    @Inject
    @ConfigProperty(name = "progimage.rate.cluster-wait-millis", defaultValue = "1000")
    long clusterWaitMillis;

    @Inject
    MetricRegistry metrics;

    private IMap<String, long[]> windows;
    private WindowUpdate update;
    private LocalWindows local;
    private Counter localDecisions;
    private final AtomicLong lastWarning = new AtomicLong();

    /** After a check timed out, checks go straight to the node's own windows until then. */
    private volatile long localUntil;
    private static final long LOCAL_SPELL_MILLIS = 5_000;

    @PostConstruct
    void connect() {
        // OBJECT: the entry processor works on the stored long[] itself instead of deserializing
        // and serializing it on every request (identical on every node, so adding it is idempotent)
        hazelcast.getConfig().addMapConfig(new MapConfig(MAP).setInMemoryFormat(InMemoryFormat.OBJECT));
        windows = hazelcast.getMap(MAP);
        update = new WindowUpdate(limit, windowSeconds * 1000L);
        local = new LocalWindows(limit, windowSeconds * 1000L, 100_000);
        localDecisions = metrics.counter(Metadata.builder().withName("rate_limit_local_decisions")
                .withDescription("rate-limit checks decided by the node's own window: the cluster's did not answer in time").build());
    }

    /** Checks and, if accepted, records one request of {@code key} (e.g. {@code user:<id>}, {@code ip:<address>}). */
    public Decision check(String key) {
        if (System.currentTimeMillis() < localUntil) {
            return decideLocally(key, null);
        }
        CompletableFuture<Decision> clusterDecision = null;
        try {
            clusterDecision = windows.submitToKey(key, update).toCompletableFuture();
            return clusterDecision.get(clusterWaitMillis, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            clusterDecision.cancel(true);
            // the partition is away: stop waiting for it on every request for a while
            localUntil = System.currentTimeMillis() + LOCAL_SPELL_MILLIS;
            return decideLocally(key, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return decideLocally(key, e);
        } catch (ExecutionException | RuntimeException e) {
            return decideLocally(key, e);
        }
    }

    private Decision decideLocally(String key, Exception cause) {
        localDecisions.inc();
        long now = System.currentTimeMillis();
        long last = lastWarning.get();
        if (cause != null && now - last > 60_000 && lastWarning.compareAndSet(last, now)) {
            LOG.log(Level.WARNING, "the cluster's rate-limit window did not answer within " + clusterWaitMillis
                    + " ms; deciding on this node's own windows, asking the cluster again every "
                    + LOCAL_SPELL_MILLIS / 1000 + " s (" + cause + ")");
        }
        return local.check(key, now);
    }
}
