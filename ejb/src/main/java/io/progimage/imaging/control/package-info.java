/**
 * The image pipeline as plain Java: decode untrusted bytes safely, apply EXIF
 * orientation, rotation, a filter and rounded corners, and encode a main JPEG
 * plus a thumbnail and a mini.
 *
 * <p>Nothing here depends on Jakarta EE so that it can be unit-tested and
 * benchmarked alone; a stateless EJB in {@code imaging.boundary} is expected to
 * hold one {@link io.progimage.imaging.control.ImagePipeline} and translate
 * {@link io.progimage.imaging.control.ImageRejectedException} into the domain
 * error of the API. Pixels travel as {@code TYPE_INT_RGB} images whose int
 * arrays are edited directly: Java2D's generic paths and per-pixel
 * {@code Color} objects are an order of magnitude too slow for the targets in
 * docs/performance.md.
 */
package io.progimage.imaging.control;
