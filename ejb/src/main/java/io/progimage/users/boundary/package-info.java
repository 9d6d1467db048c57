/** Sign-up, sign-in and the slow, concurrency-bounded hashing of passwords. */
package io.progimage.users.boundary;
