/** The rate-limit algorithm (a sliding-window log) and its atomic step on a Hazelcast partition. */
package io.progimage.ratelimit.control;
