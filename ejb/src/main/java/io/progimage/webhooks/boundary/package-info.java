/**
 * The bulk completion webhook (issue 14 §4): scheduled when a bulk settles, delivered at least
 * once through the broker by a message-driven bean, retried with back-off for a bounded time,
 * every attempt recorded; a reconciler re-sends what a lost message or a stopped node left behind.
 */
package io.progimage.webhooks.boundary;
