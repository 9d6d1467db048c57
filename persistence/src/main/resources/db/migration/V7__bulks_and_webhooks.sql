-- Bulks and their completion webhook (issue 14 §4). Every bulk upload from now on has a row;
-- images made before this migration belong to none (bulk_id NULL), like single uploads.

-- A bulk: who sent it (the user, and the application whose token it was: its webhook secret
-- signs the delivery), how many items it had, where to call back, and the base URLs its 202
-- answer used, so that the webhook's image objects carry the same links without a request.
-- settled_at is set once, under this row's lock, when no item is pending any more.
CREATE TABLE bulks (
    id                CHAR(36)      NOT NULL,
    user_id           CHAR(36)      NOT NULL,
    client_id         CHAR(32)      NOT NULL, -- no foreign key: a delivery outlives its application and then gives up
    item_count        INT           NOT NULL,
    callback_url      VARCHAR(2000) NULL,
    public_url        VARCHAR(2000) NOT NULL,
    public_secure_url VARCHAR(2000) NOT NULL,
    created_at        DATETIME(3)   NOT NULL,
    settled_at        DATETIME(3)   NULL,
    PRIMARY KEY (id),
    KEY ix_bulks_settled_created (settled_at, created_at), -- the reconciler's look for bulks left unsettled
    CONSTRAINT fk_bulks_user FOREIGN KEY (user_id) REFERENCES users (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- An item's bulk and its place in the request (the 202's order, kept for the webhook and GET).
-- One statement: images is the largest table, rebuilt once rather than four times.
ALTER TABLE images
    ADD COLUMN bulk_id CHAR(36) NULL,
    ADD COLUMN bulk_position INT NULL,
    ADD INDEX ix_images_bulk_status (bulk_id, status),
    ADD CONSTRAINT fk_images_bulk FOREIGN KEY (bulk_id) REFERENCES bulks (id);

-- The application's webhook signing secret, AES-256-GCM sealed under the server secret
-- 'webhook-secrets' (the server must compute the HMAC, so it cannot keep a one-way digest).
-- NULL for applications registered before this migration until their owner creates one.
ALTER TABLE oauth_applications ADD COLUMN webhook_secret VARCHAR(255) NULL;

-- One delivery per settled bulk with a callback_url (the bulk id is the key: exactly one).
-- body is the signed document, kept only until the delivery ends (delivered or given up).
-- next_attempt_at: when the next attempt is due (SCHEDULED) or when the one in flight is
-- presumed lost (SENDING); the reconciler re-sends what is overdue.
CREATE TABLE webhook_deliveries (
    bulk_id         CHAR(36)      NOT NULL,
    delivery_id     CHAR(36)      NOT NULL, -- the ProgImage-Delivery header, the same on every attempt
    client_id       CHAR(32)      NOT NULL,
    url             VARCHAR(2000) NOT NULL,
    body            MEDIUMTEXT    NULL,
    status          VARCHAR(10)   NOT NULL, -- SCHEDULED | SENDING | DELIVERED | FAILED
    attempts        INT           NOT NULL,
    next_attempt_at DATETIME(3)   NULL,
    created_at      DATETIME(3)   NOT NULL,
    finished_at     DATETIME(3)   NULL,
    PRIMARY KEY (bulk_id),
    UNIQUE KEY uk_webhook_deliveries_id (delivery_id),
    KEY ix_webhook_deliveries_due (status, next_attempt_at),
    CONSTRAINT fk_webhook_deliveries_bulk FOREIGN KEY (bulk_id) REFERENCES bulks (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- Every attempt and its outcome, as GET /user/bulks/{id} shows them. outcome NULL: in flight.
CREATE TABLE webhook_attempts (
    id            CHAR(36)     NOT NULL,
    bulk_id       CHAR(36)     NOT NULL,
    attempt       INT          NOT NULL,
    started_at    DATETIME(3)  NOT NULL,
    duration_ms   INT          NULL,
    http_status   INT          NULL,     -- the receiver's answer; NULL when there was none
    error_message VARCHAR(200) NULL,     -- why there was no answer, in our words
    outcome       VARCHAR(10)  NULL,     -- DELIVERED | FAILED | LOST
    PRIMARY KEY (id),
    UNIQUE KEY uk_webhook_attempts_number (bulk_id, attempt),
    CONSTRAINT fk_webhook_attempts_delivery FOREIGN KEY (bulk_id) REFERENCES webhook_deliveries (bulk_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

INSERT INTO cluster_locks (name) VALUES ('webhook-reconciler');
