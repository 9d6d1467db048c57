-- Accounts and OAuth 2.0 (API.md §2-§4). Secrets are never stored in the clear: passwords and
-- client secrets as PBKDF2 hashes, codes and tokens as SHA-256 hex digests.

CREATE TABLE users (
    id            CHAR(36)     NOT NULL,
    name          VARCHAR(100) NOT NULL,
    email         VARCHAR(254) NOT NULL, -- stored lower-cased: unique case-insensitively
    password_hash VARCHAR(255) NOT NULL,
    created_at    DATETIME(3)  NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_users_email (email)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE oauth_applications (
    client_id          CHAR(32)      NOT NULL,
    client_secret_hash VARCHAR(255)  NOT NULL,
    name               VARCHAR(100)  NOT NULL,
    redirect_url       VARCHAR(2000) NOT NULL,
    user_id            CHAR(36)      NOT NULL,
    created_at         DATETIME(3)   NOT NULL,
    PRIMARY KEY (client_id),
    CONSTRAINT fk_applications_user FOREIGN KEY (user_id) REFERENCES users (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE oauth_codes (
    code_hash             CHAR(64)      NOT NULL,
    client_id             CHAR(32)      NOT NULL,
    user_id               CHAR(36)      NOT NULL,
    redirect_url          VARCHAR(2000) NOT NULL,
    code_challenge        VARCHAR(128)  NULL,
    code_challenge_method VARCHAR(5)    NULL,
    created_at            DATETIME(3)   NOT NULL,
    expires_at            DATETIME(3)   NOT NULL,
    used_at               DATETIME(3)   NULL,
    PRIMARY KEY (code_hash),
    CONSTRAINT fk_codes_application FOREIGN KEY (client_id) REFERENCES oauth_applications (client_id),
    CONSTRAINT fk_codes_user FOREIGN KEY (user_id) REFERENCES users (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE oauth_tokens (
    token_hash CHAR(64)    NOT NULL,
    client_id  CHAR(32)    NOT NULL,
    user_id    CHAR(36)    NOT NULL,
    code_hash  CHAR(64)    NOT NULL, -- the code it was issued for: a replayed code revokes it
    created_at DATETIME(3) NOT NULL,
    expires_at DATETIME(3) NOT NULL,
    revoked_at DATETIME(3) NULL,
    PRIMARY KEY (token_hash),
    KEY ix_tokens_code (code_hash),
    CONSTRAINT fk_tokens_application FOREIGN KEY (client_id) REFERENCES oauth_applications (client_id),
    CONSTRAINT fk_tokens_user FOREIGN KEY (user_id) REFERENCES users (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- Keys the nodes of a cluster must share (e.g. the one signing the authorize form), created
-- once by the first node that needs them.
CREATE TABLE server_secrets (
    name  VARCHAR(50) NOT NULL,
    value CHAR(64)    NOT NULL,
    PRIMARY KEY (name)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
