/** The cluster-wide rate limiter (API.md §6): the only code that talks to Hazelcast. */
package io.progimage.ratelimit.boundary;
