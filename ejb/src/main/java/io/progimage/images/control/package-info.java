/** Plain mechanics of uploads: fetching remote files safely, decoding the base64 forms. */
package io.progimage.images.control;
