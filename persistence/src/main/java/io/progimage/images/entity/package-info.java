/** Uploaded images: their processing parameters, their status and what the files turned out to be. */
package io.progimage.images.entity;
