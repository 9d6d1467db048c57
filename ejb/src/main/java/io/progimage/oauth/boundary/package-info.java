/** OAuth 2.0 (API.md §2-§3): application registration, the authorization code grant and bearer tokens. */
package io.progimage.oauth.boundary;
