/** Uploads (single and bulk), their processing into stored files, and reading the user's images. */
package io.progimage.images.boundary;
