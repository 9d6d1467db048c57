package io.progimage.oauth.api;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.net.URI;

/**
 * An application's redirect URL (API.md §2): absolute http or https, a host, no fragment (RFC 6749
 * §3.1.2), no spaces or control characters, at most {@value #MAX_LENGTH} characters; absent passes ({@code Required}).
 */
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = RedirectUrl.Check.class)
public @interface RedirectUrl {

    int MAX_LENGTH = 2000;

    String message() default "must be an absolute http or https URL without a fragment, at most " + MAX_LENGTH + " characters";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    final class Check implements ConstraintValidator<RedirectUrl, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null) {
                return true;
            }
            if (value.length() > MAX_LENGTH || value.chars().anyMatch(c -> c <= ' ' || c == 0x7f)) {
                return false;
            }
            try {
                URI uri = new URI(value);
                return uri.isAbsolute() && uri.getHost() != null && uri.getFragment() == null
                        && ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()));
            } catch (Exception e) {
                return false;
            }
        }
    }
}
