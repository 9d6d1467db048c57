/**
 * OAuth 2.0 state (API.md §2-§3): registered applications, authorization codes and access
 * tokens. Codes and tokens are stored only as SHA-256 hex digests of the values handed out.
 */
package io.progimage.oauth.entity;
