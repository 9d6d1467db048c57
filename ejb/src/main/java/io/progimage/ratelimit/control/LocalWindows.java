package io.progimage.ratelimit.control;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * This node's own sliding windows, used only while the cluster's window of a key cannot be
 * reached in time (its partition's owner died or is partitioned away, and Hazelcast has not
 * yet moved the partition). Each node then limits on its own: a client spread over n nodes
 * may get up to n times the limit during that time, which is the price of answering at all.
 * Bounded: past {@code maxKeys} keys, the windows that hold nothing recent are dropped, and if
 * that is not enough, all of them (a fresh window is the cheap, lenient side to err on).
 */
public final class LocalWindows {

    private final SlidingWindow window;
    private final int maxKeys;
    private final ConcurrentMap<String, long[]> logs = new ConcurrentHashMap<>();

    public LocalWindows(int limit, long windowMillis, int maxKeys) {
        this.window = new SlidingWindow(limit, windowMillis);
        this.maxKeys = maxKeys;
    }

    public Decision check(String key, long now) {
        if (logs.size() >= maxKeys) {
            logs.values().removeIf(log -> log.length == 0 || now - log[log.length - 1] >= window.windowMillis());
            if (logs.size() >= maxKeys) {
                logs.clear();
            }
        }
        Decision[] decision = new Decision[1];
        logs.compute(key, (k, previous) -> {
            SlidingWindow.Step step = window.next(previous, now);
            decision[0] = step.decision();
            return step.log();
        });
        return decision[0];
    }

    int size() {
        return logs.size();
    }
}
