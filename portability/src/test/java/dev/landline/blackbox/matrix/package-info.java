/**
 * The portability matrix: each application server ({@link dev.landline.blackbox.matrix.AppServer}) on each database,
 * declared once in {@link dev.landline.blackbox.matrix.Matrix}. Each server is provisioned from the distribution
 * Maven fetched and configured exactly as docs/deploying-&lt;server&gt;.md tells its administrator (the recipes of
 * app/src/main/&lt;server&gt;, the test-only files of portability/src/test/&lt;server&gt;), on free loopback ports;
 * one server runs at a time, and every process it started is gone when it is closed.
 */
package dev.landline.blackbox.matrix;
