/** Storage bound to transactions: files written in a transaction disappear if it rolls back. */
package io.progimage.storage.boundary;
