/**
 * What every HTTP exchange shares, whatever the component: the JAX-RS application at the root
 * path, the contract's error body (API.md §1) for every error the app or the container
 * produces, CORS (§8) and the request body limit (§9).
 */
package io.progimage.platform.api;
