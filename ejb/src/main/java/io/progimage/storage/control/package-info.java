/** Image files on disk (a shared volume in a cluster): written whole or not at all. */
package io.progimage.storage.control;
