package dev.landline.blackbox.matrix;

import java.nio.file.Path;

/**
 * What a server needs to start: the WAR, an empty directory of its own, its database, the distributions Maven
 * fetched into target/servers (payara-micro.jar, payara.zip, wildfly-dist.zip, openliberty-runtime.zip,
 * postgresql.jar, h2.jar) and the test settings (the it.* keys, secret, previous keys, admin/viewer users and
 * passwords, PIN iterations: the test kit's TestCredentials).
 */
public record Setup(Path war, Path workDir, Database database, Path distributions, TestSettings settings) {
}
