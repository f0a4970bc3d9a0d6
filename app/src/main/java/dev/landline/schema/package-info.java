/**
 * Schema: the database schema is owned by versioned Flyway migrations in {@code db/migration}, applied at
 * startup before anything else touches the database. JPA schema generation is off.
 */
package dev.landline.schema;
