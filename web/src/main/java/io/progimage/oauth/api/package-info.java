/**
 * HTTP for OAuth 2.0 (API.md §2-§3.5): application registration, the authorize page, the token
 * endpoint, token revocation (RFC 7009) and bearer authentication of every {@code /user...} path.
 */
package io.progimage.oauth.api;
