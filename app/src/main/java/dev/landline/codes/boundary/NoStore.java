package dev.landline.codes.boundary;

import jakarta.ws.rs.NameBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a resource whose responses may carry a live code (or a token that gets one): they are sent with
 * {@code Cache-Control: no-store} by {@link NoStoreFilter}, so no browser, proxy or history keeps a copy.
 */
@NameBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface NoStore {
}
