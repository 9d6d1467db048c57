/**
 * Bulk completion webhooks (issue 14 §4): one delivery per settled bulk that asked for one, and
 * each attempt at it with its outcome, as {@code GET /user/bulks/{id}} shows them.
 */
package io.progimage.webhooks.entity;
