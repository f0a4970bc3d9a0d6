package dev.landline.blackbox.matrix;

import java.nio.file.Path;
import java.util.List;

/**
 * What a server needs to start: the WAR, an empty directory of its own, its database, the distributions Maven
 * fetched into target/servers (payara-micro.jar, payara.zip, wildfly-dist.zip, openliberty-runtime.zip,
 * postgresql.jar, h2.jar) and the test settings (the it.* keys, secret, previous keys, admin/viewer users and
 * passwords, PIN iterations: the test kit's TestCredentials), and the server JVM's options (none: each server's
 * own defaults, as the matrix runs them; the bench's floors give every server the run command's). Payara Server
 * ignores them (its domain.xml holds its JVM's options). Extra post-boot commands (none in the matrix) are run by
 * Payara Micro after its own: the bench's side-by-side A/B of a server setting ({@code --floor-post-boot}, which
 * refuses other servers).
 */
public record Setup(Path war, Path workDir, Database database, Path distributions, TestSettings settings,
        List<String> jvmOptions, List<String> postBootCommands) {

    public Setup {
        jvmOptions = List.copyOf(jvmOptions);
        postBootCommands = List.copyOf(postBootCommands);
    }

    /** With these JVM options and no extra post-boot commands. */
    public Setup(Path war, Path workDir, Database database, Path distributions, TestSettings settings,
            List<String> jvmOptions) {
        this(war, workDir, database, distributions, settings, jvmOptions, List.of());
    }

    /** With each server's own JVM defaults. */
    public Setup(Path war, Path workDir, Database database, Path distributions, TestSettings settings) {
        this(war, workDir, database, distributions, settings, List.of());
    }
}
