/**
 * What the service needs whenever it connects to an address a client gave (a remote file, a
 * webhook's callback): which addresses are public (API.md §7), host lookups bounded in time, and
 * one deadline over a whole exchange. Shared by {@code images} and {@code webhooks}.
 */
package io.progimage.platform.control;
