/** The imaging pipeline as the application's one shared instance, configured from MicroProfile Config. */
package io.progimage.imaging.boundary;
