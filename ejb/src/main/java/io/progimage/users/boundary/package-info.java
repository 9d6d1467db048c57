/** Sign-up, sign-in and the slow hashing of passwords and client secrets. */
package io.progimage.users.boundary;
