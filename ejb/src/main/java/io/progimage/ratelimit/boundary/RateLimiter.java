package io.progimage.ratelimit.boundary;

import com.hazelcast.config.InMemoryFormat;
import com.hazelcast.config.MapConfig;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.progimage.ratelimit.control.Decision;
import io.progimage.ratelimit.control.WindowUpdate;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * At most {@code progimage.rate.limit} requests per key in any sliding
 * {@code progimage.rate.window-seconds} (default 20 in 5 s), counted across every node: the
 * windows live in an IMap of Payara's embedded Hazelcast and are updated by an entry processor
 * on the key's partition.
 */
@ApplicationScoped
public class RateLimiter {

    static final String MAP = "progimage-rate-windows";

    @Inject
    HazelcastInstance hazelcast;

    @Inject
    @ConfigProperty(name = "progimage.rate.limit", defaultValue = "20")
    int limit;

    @Inject
    @ConfigProperty(name = "progimage.rate.window-seconds", defaultValue = "5")
    int windowSeconds;

    private IMap<String, long[]> windows;
    private WindowUpdate update;

    @PostConstruct
    void connect() {
        // OBJECT: the entry processor works on the stored long[] itself instead of deserializing
        // and serializing it on every request (identical on every node, so adding it is idempotent)
        hazelcast.getConfig().addMapConfig(new MapConfig(MAP).setInMemoryFormat(InMemoryFormat.OBJECT));
        windows = hazelcast.getMap(MAP);
        update = new WindowUpdate(limit, windowSeconds * 1000L);
    }

    /** Checks and, if accepted, records one request of {@code key} (e.g. {@code user:<id>}, {@code ip:<address>}). */
    public Decision check(String key) {
        return windows.executeOnKey(key, update);
    }
}
