/** Applies the rate limiter to HTTP requests and writes its headers (API.md §6). */
package io.progimage.ratelimit.api;
