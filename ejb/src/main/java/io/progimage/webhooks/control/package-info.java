/**
 * Plain mechanics of the bulk completion webhook (issue 14 §4): the signature header, the retry
 * schedule, and the POST that follows the remote-file address rules (API.md §7).
 */
package io.progimage.webhooks.control;
