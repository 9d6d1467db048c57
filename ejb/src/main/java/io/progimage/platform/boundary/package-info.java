/**
 * What the application needs before and besides any business component: the schema
 * migrated at start-up, and the readiness of the database and the broker.
 */
package io.progimage.platform.boundary;
