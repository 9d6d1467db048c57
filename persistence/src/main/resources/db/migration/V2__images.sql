-- Images (API.md §5). A row is the source of truth: its files exist once it is committed
-- (single uploads) or once it turns ready (bulk items). The processing parameters are kept so
-- that a bulk item can be processed later, by any node, from the row alone.

CREATE TABLE images (
    id              CHAR(36)      NOT NULL,
    user_id         CHAR(36)      NOT NULL,
    status          VARCHAR(10)   NOT NULL,
    name            CHAR(22)      NOT NULL, -- random: the file names in the public URLs are unguessable
    source_kind     VARCHAR(10)   NOT NULL, -- file | remote | image
    remote_url      VARCHAR(2000) NULL,
    source_image_id CHAR(36)      NULL,
    quality         INT           NOT NULL,
    thumb_w         INT           NULL,
    thumb_h         INT           NULL,
    rotation        INT           NOT NULL,
    filter          VARCHAR(10)   NULL,
    round_corners   INT           NULL,
    source_format   VARCHAR(10)   NULL,
    width           INT           NULL,
    height          INT           NULL,
    bytes           BIGINT        NULL,
    error_code      VARCHAR(40)   NULL,
    error_message   VARCHAR(500)  NULL,
    created_at      DATETIME(3)   NOT NULL,
    updated_at      DATETIME(3)   NOT NULL,
    PRIMARY KEY (id),
    KEY ix_images_user_created (user_id, created_at, id),
    CONSTRAINT fk_images_user FOREIGN KEY (user_id) REFERENCES users (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
