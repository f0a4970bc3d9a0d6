/**
 * Time: the one {@link java.time.Clock} every component injects, so that tests can stand at any instant.
 */
package dev.landline.time;
