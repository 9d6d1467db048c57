package io.progimage.oauth.api;

import io.progimage.platform.api.DisplayName;
import io.progimage.platform.api.Required;
import io.progimage.platform.api.Text;
import io.progimage.platform.api.WireText;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbTypeDeserializer;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The bodies of the OAuth endpoints (API.md §2, §3.3-§3.4, RFC 7009), with their wire names. */
public final class OAuthViews {

    private OAuthViews() {
    }

    @Schema(name = "ApplicationRegistration")
    public record Registration(@Schema(required = true, maxLength = DisplayName.MAX_LENGTH, example = "Photo frame")
                               @JsonbTypeDeserializer(WireText.Strings.class) @Text @Required @DisplayName String name,
                        @Schema(name = "redirect_url", required = true, format = "uri", example = "https://frame.example.org/callback",
                                description = "An absolute http or https URL; authorize redirects only to exactly this URL")
                        @JsonbProperty("redirect_url") @JsonbTypeDeserializer(WireText.Strings.class) @Text @Required @RedirectUrl
                        String redirectUrl) {
    }

    @Schema(name = "Application", description = "A registered application; its secrets are shown only in this answer")
    @JsonbPropertyOrder({"clientId", "clientSecret", "name", "redirectUrl", "createdAt", "webhookSecret"})
    public record Registered(@Schema(name = "client_id", required = true, example = "3e1b5a1c9d7f4e2a8b6c0d4f2a1e9c7b") @JsonbProperty("client_id") String clientId,
                      @Schema(name = "client_secret", required = true, example = "Zk3u9PqW2mXc7VbN1sT5yL8aR4dG6hJ0eQ2wE5rT7yU9iO1pA3sD5fG7hJ9kL1zX")
                      @JsonbProperty("client_secret") String clientSecret,
                      @Schema(required = true, example = "Photo frame") String name,
                      @Schema(name = "redirect_url", required = true, format = "uri", example = "https://frame.example.org/callback")
                      @JsonbProperty("redirect_url") String redirectUrl,
                      @Schema(name = "created_at", required = true, format = "date-time", example = "2026-12-01T14:03:07.651Z")
                      @JsonbProperty("created_at") String createdAt,
                      @Schema(name = "webhook_secret", required = true, pattern = "^whsec_[A-Za-z0-9]{40}$",
                              example = "whsec_5rcq2LpqGcejQVTDEeGLDflXPlO05KYpuBULuWWW",
                              description = "Signs the bulk completion webhooks of this application (the ProgImage-Signature"
                                      + " header: HMAC-SHA256 over `<t>.<body>`); shown only here and when replaced")
                      @JsonbProperty("webhook_secret") String webhookSecret) {
        @Override
        public String toString() {
            return "Registered[" + clientId + "]"; // never the secrets (a log line, an exception message)
        }
    }

    @Schema(name = "WebhookSecret", description = "A new webhook signing secret, shown only in this answer; the one before"
            + " signs nothing from now on")
    @JsonbPropertyOrder({"clientId", "webhookSecret", "createdAt"})
    public record WebhookSecret(@Schema(name = "client_id", required = true, example = "3e1b5a1c9d7f4e2a8b6c0d4f2a1e9c7b")
                                @JsonbProperty("client_id") String clientId,
                                @Schema(name = "webhook_secret", required = true, pattern = "^whsec_[A-Za-z0-9]{40}$",
                                        example = "whsec_5rcq2LpqGcejQVTDEeGLDflXPlO05KYpuBULuWWW")
                                @JsonbProperty("webhook_secret") String webhookSecret,
                                @Schema(name = "created_at", required = true, format = "date-time", example = "2026-12-01T14:05:11.020Z")
                                @JsonbProperty("created_at") String createdAt) {
        @Override
        public String toString() {
            return "WebhookSecret[" + clientId + "]";
        }
    }

    @Schema(name = "TokenRequest", description = "RFC 6749 §4.1.3; client_id and client_secret may be sent with HTTP Basic instead")
    public record TokenRequest(@Schema(name = "grant_type", enumeration = "authorization_code") @JsonbProperty("grant_type") String grantType,
                        @Schema(required = true, description = "The code from the authorize redirect") String code,
                        @Schema(name = "client_id") @JsonbProperty("client_id") String clientId,
                        @Schema(name = "client_secret", format = "password") @JsonbProperty("client_secret") String clientSecret,
                        @Schema(name = "redirect_uri", format = "uri", description = "Required when it was sent to authorize")
                        @JsonbProperty("redirect_uri") String redirectUri,
                        @Schema(name = "redirect_url", format = "uri", description = "The reference's name for redirect_uri")
                        @JsonbProperty("redirect_url") String redirectUrl,
                        @Schema(name = "code_verifier", description = "PKCE (RFC 7636): required when authorize got a code_challenge")
                        @JsonbProperty("code_verifier") String codeVerifier) {
    }

    @Schema(name = "TokenResponse")
    @JsonbPropertyOrder({"accessToken", "tokenType", "expiresIn", "scope", "createdAt"})
    public record Token(@Schema(name = "access_token", required = true, pattern = "^[A-Za-z0-9]{64}$", example = "u8jzPde0IgxLd6GncfBAepfJBd0Kh8oOOL8dKLzdocJ2isAjIhKtJ0RlgLKOmxgJ")
                 @JsonbProperty("access_token") String accessToken,
                 @Schema(name = "token_type", required = true, enumeration = "bearer") @JsonbProperty("token_type") String tokenType,
                 @Schema(name = "expires_in", type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.INTEGER, format = "int64", required = true, example = "86400") @JsonbProperty("expires_in") long expiresIn,
                 @Schema(required = true, enumeration = "api") String scope,
                 @Schema(name = "created_at", type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.INTEGER, format = "int64", required = true, example = "1480825975", description = "UTC epoch seconds")
                 @JsonbProperty("created_at") long createdAt) {
    }

    @Schema(name = "TokenError", description = "RFC 6749 §5.2: the token and revocation endpoints' errors")
    @JsonbPropertyOrder({"error", "errorDescription"})
    public record TokenError(@Schema(required = true, enumeration = {"invalid_request", "invalid_client", "invalid_grant",
            "unsupported_grant_type"}) String error,
                      @Schema(name = "error_description", required = true, example = "the code is unknown, expired or already used")
                      @JsonbProperty("error_description") String errorDescription) {
    }

    @Schema(name = "RevocationRequest", description = "RFC 7009 §2.1; client_id and client_secret may be sent with HTTP Basic instead")
    public record Revocation(@Schema(required = true, description = "The access token to revoke") String token,
                      @Schema(name = "token_type_hint", enumeration = {"access_token", "refresh_token"}) @JsonbProperty("token_type_hint") String tokenTypeHint,
                      @Schema(name = "client_id") @JsonbProperty("client_id") String clientId,
                      @Schema(name = "client_secret", format = "password") @JsonbProperty("client_secret") String clientSecret) {
    }

    /** The sign-in page's form: its hidden inputs (the authorize request and an anti-forgery token) and the user's part. */
    @Schema(name = "AuthorizationForm", description = "Submit every hidden input of the sign-in page as it is, with email,"
            + " password and decision")
    public record AuthorizationForm(@Schema(required = true, format = "email") String email,
                                    @Schema(required = true, format = "password") String password,
                                    @Schema(required = true, enumeration = {"allow", "deny"}) String decision,
                                    @Schema(name = "client_id", required = true) @JsonbProperty("client_id") String clientId,
                                    @Schema(name = "response_type", required = true) @JsonbProperty("response_type") String responseType,
                                    @Schema(name = "redirect_url", format = "uri") @JsonbProperty("redirect_url") String redirectUrl,
                                    String state,
                                    @Schema(name = "code_challenge") @JsonbProperty("code_challenge") String codeChallenge,
                                    @Schema(name = "code_challenge_method") @JsonbProperty("code_challenge_method")
                                    String codeChallengeMethod,
                                    @Schema(name = "form_token", required = true, description = "The page's anti-forgery token")
                                    @JsonbProperty("form_token") String formToken) {
    }
}
