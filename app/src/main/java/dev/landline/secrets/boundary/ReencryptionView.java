package dev.landline.secrets.boundary;

/**
 * What one re-encryption pass did ({@code resealed} rows sealed again under the current key, {@code unopenable}
 * rows whose key is not configured, {@code complete} when it looked at every row) and the rings afterwards. Run
 * passes until {@code keys.seedsToReencrypt} is 0.
 */
public record ReencryptionView(int resealed, int unopenable, boolean complete, KeysView keys) {
}
