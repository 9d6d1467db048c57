/** HTTP for images (API.md §5): uploads in their three forms, listing, one image, and the public files. */
package io.progimage.images.api;
