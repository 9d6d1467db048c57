-- The bulk reconciler (BulkReconciler): no bulk item may stay pending longer than a bound,
-- whatever happened to its message (never delivered, dead-lettered, lost with a node).

-- When the reconciler last sent the item a new message (NULL: only the one of its bulk, at
-- created_at): an item is re-queued once per half bound of silence, not on every scan.
ALTER TABLE images ADD COLUMN requeued_at DATETIME(3) NULL;

-- The reconciler's scan: pending items by age.
CREATE INDEX ix_images_status_created ON images (status, created_at);

-- Cluster-wide mutual exclusion: a job runs on the node whose transaction holds its row
-- (SELECT ... FOR UPDATE SKIP LOCKED; the others skip that turn). The database releases the
-- lock when the transaction ends or its connection dies, so a crashed node holds nothing.
CREATE TABLE cluster_locks (
    name VARCHAR(40) NOT NULL,
    PRIMARY KEY (name)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

INSERT INTO cluster_locks (name) VALUES ('bulk-reconciler');
