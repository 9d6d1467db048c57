/** The people who sign up and own images. */
package io.progimage.users.entity;
