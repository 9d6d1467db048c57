/** Mapping rules every entity shares. */
package io.progimage.platform.entity;
