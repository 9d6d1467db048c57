package io.progimage.platform.api;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * A whole number within {@code [min, max]}, given as a JSON number or a decimal string (API.md
 * §5.4), as {@link WireText.Numbers} hands it over; absent is valid. Its two messages are the
 * contract's: "must be an integer", and the range.
 */
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = WholeNumber.Check.class)
public @interface WholeNumber {

    long min() default Long.MIN_VALUE;

    long max() default Long.MAX_VALUE;

    String message() default "must be an integer";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    final class Check implements ConstraintValidator<WholeNumber, String> {

        /** At most 30 digits: beyond any range here, and a bound on the work of reading it. */
        private static final Pattern DECIMAL = Pattern.compile("[+-]?\\d{1,30}");

        private long min;
        private long max;

        @Override
        public void initialize(WholeNumber annotation) {
            min = annotation.min();
            max = annotation.max();
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null) {
                return true;
            }
            if (!DECIMAL.matcher(value.trim()).matches()) {
                return false; // the default message: must be an integer
            }
            BigDecimal number = new BigDecimal(value.trim());
            if (number.compareTo(BigDecimal.valueOf(min)) >= 0 && number.compareTo(BigDecimal.valueOf(max)) <= 0) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(min == Long.MIN_VALUE ? "is out of range"
                    : "must be between " + min + " and " + max).addConstraintViolation();
            return false;
        }

        /** The value of a valid parameter, or null when absent. */
        public static Integer intValue(String value) {
            return value == null ? null : new BigDecimal(value.trim()).intValueExact();
        }
    }
}
