package dev.landline.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Payara Micro started the way the run command starts it: its preparation is the run command's own program
 * (app/src/main/payara/PrepareLocalServer.java, run with the single-file source launcher as Maven runs it), which
 * keeps in a data directory the keys, the admin user, the post-boot commands and, given Payara Micro, a WAR and the
 * pre-boot commands, Payara Micro's once-unpacked launcher with this WAR's class-data archive (made by one training
 * start when the directory has none for this build of the WAR and Payara Micro).
 */
final class RunCommandLaunch {

    private RunCommandLaunch() {
    }

    /**
     * Runs PrepareLocalServer on {@code home}; with a WAR (not null), also the launcher and its class-data archive.
     * Its output goes to {@code log}.
     */
    static void prepare(Options o, Path home, Path war, Path preBoot, Path log) throws Exception {
        var command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                o.project.resolve("app/src/main/payara/PrepareLocalServer.java").toString(), home.toString()));
        if (war != null) {
            command.addAll(List.of(o.build.resolve("payara-micro.jar").toString(), war.toString(),
                    preBoot.toString()));
        }
        Files.createDirectories(log.getParent());
        int rc = Processes.run(command, log.getParent(), log);
        if (rc != 0) {
            throw new IllegalStateException("PrepareLocalServer failed (" + rc + "); see " + log);
        }
    }

    /**
     * The java arguments the prepared run command starts Payara Micro with (the archive and the launcher, or plain
     * {@code -jar payara-micro.jar} where making the archive failed), without its JVM options: the bench's
     * {@code --server-jvm} decides those, so that an A/B of a JVM option is not undone here.
     */
    static List<String> launch(Path home) throws java.io.IOException {
        var args = new ArrayList<String>();
        for (var line : Files.readAllLines(home.resolve("launch.args"))) {
            if (!line.isBlank() && !line.equals(Options.NATIVE_HEAP_TRIM)) {
                args.add(line.strip());
            }
        }
        return args;
    }

    /** Whether those arguments start from a class-data archive. */
    static boolean archived(List<String> launch) {
        return launch.stream().anyMatch(arg -> arg.startsWith("-XX:SharedArchiveFile="));
    }
}
