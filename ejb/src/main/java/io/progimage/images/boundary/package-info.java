/**
 * Uploads (single and bulk), their processing into stored files, reading the user's images, and
 * bulks as a whole: settled once when their last item is, which schedules their webhook.
 */
package io.progimage.images.boundary;
