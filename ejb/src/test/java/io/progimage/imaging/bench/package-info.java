/**
 * JMH benchmarks of the imaging pipeline; run with the {@code bench} profile
 * (command and figures in docs/performance.md). Not unit tests: nothing here
 * is run by surefire.
 */
package io.progimage.imaging.bench;
