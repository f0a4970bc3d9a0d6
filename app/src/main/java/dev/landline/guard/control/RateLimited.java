package dev.landline.guard.control;

import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method that evaluates a {@link PinAttempt} (its first parameter) and returns a {@link PinOutcome}: the
 * attempt is charged to the caller's ledger before the method runs, and refused without running it when the
 * caller is delayed or locked.
 */
@InterceptorBinding
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
public @interface RateLimited {
}
