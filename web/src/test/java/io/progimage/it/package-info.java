/**
 * Black-box integration tests: the real WAR on a real Payara Micro (with the ActiveMQ resource
 * adapter and its broker) against a real MariaDB, both started once for the whole failsafe run
 * by the same scripts an operator uses ({@code server-config/db}, {@code server-config/micro/start}),
 * and driven over real HTTP.
 */
package io.progimage.it;
