/**
 * Plain mechanics of uploads: fetching remote files safely, decoding the base64 forms, and the
 * rule that bounds how long a bulk item may stay pending ({@link io.progimage.images.control.PendingBound}).
 */
package io.progimage.images.control;
