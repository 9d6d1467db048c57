package io.progimage.ratelimit.control;

import com.hazelcast.map.EntryProcessor;
import com.hazelcast.map.ExtendedMapEntry;

import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One check-and-record of a key's window, run by Hazelcast on the member that owns the key's
 * partition, one entry processor at a time per key: two nodes can never both take the last slot.
 * The clock is that member's, so all nodes' requests are logged on one time line. The entry
 * lives one window after its last accepted request, so idle keys cost nothing.
 */
public final class WindowUpdate implements EntryProcessor<String, long[], Decision> {

    private static final long serialVersionUID = 1L;

    private final int limit;
    private final long windowMillis;

    public WindowUpdate(int limit, long windowMillis) {
        this.limit = limit;
        this.windowMillis = windowMillis;
    }

    @Override
    public Decision process(Map.Entry<String, long[]> entry) {
        SlidingWindow.Step step = new SlidingWindow(limit, windowMillis).next(entry.getValue(), System.currentTimeMillis());
        if (step.decision().accepted()) {
            ((ExtendedMapEntry<String, long[]>) entry).setValue(step.log(), windowMillis, TimeUnit.MILLISECONDS);
        }
        return step.decision();
    }
}
