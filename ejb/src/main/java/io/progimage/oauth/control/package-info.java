/** The plain mechanics of OAuth: random secrets, digests, constant-time comparison, PKCE, signed forms. */
package io.progimage.oauth.control;
