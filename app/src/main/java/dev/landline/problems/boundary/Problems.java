package dev.landline.problems.boundary;

import java.util.Set;

/** The exception mappers and filters every JAX-RS application of ours registers. */
public final class Problems {

    private Problems() {
    }

    public static Set<Class<?>> mappers() {
        return Set.of(RefusalMapper.class, ConstraintViolationMapper.class,
                WebApplicationExceptionMapper.class, UnexpectedErrorMapper.class,
                UnreadableBodyMapper.class, UnreadableJsonMapper.class, PayloadTooLargeMapper.class,
                OptionsRefusal.class, TransactionFailureMapper.class, PersistenceFailureMapper.class,
                UnreadBodyDrain.class);
    }
}
