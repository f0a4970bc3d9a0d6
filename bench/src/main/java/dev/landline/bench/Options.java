package dev.landline.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Command-line options of {@link CallBench}; see docs/benchmarks.md. */
final class Options {

    /** The repository's root (bench/run starts the driver there): docs/, app/src/main/payara. */
    Path project = Path.of("").toAbsolutePath();
    /** The bench module's build folder: the WAR and Payara Micro copied there by Maven; the driver's work files. */
    Path build = project.resolve("bench/target");
    boolean smoke;
    boolean postgres;
    int iterations = 600_000;
    int callers = 1000;
    int concurrency = 50;
    double warmup = 10;
    double seconds = 20;
    double callSeconds = 60;
    /**
     * The paced window: 300 s, so that the rarest light step (the account number, about 1 call in 5) has some 300
     * samples and its p99 is not simply its worst one, as it was in 90 s (about 54 samples).
     */
    double pacedSeconds = 300;
    /** The service's cap of calls per minute per calling number, which the driver's callers respect. */
    int callingCap = 6;
    int calledCap = 100_000;
    Path demo = Path.of("/work/shared/bench/seed-baseline");
    Path out;
    /**
     * The run command's JVM settings (app/src/main/payara/memory.args, and the native heap trim PrepareLocalServer adds
     * where the JVM has it); --server-jvm replaces them.
     */
    List<String> serverJvm = new ArrayList<>();
    /**
     * The service from plain payara-micro.jar instead of the run command's launcher and class-data archive (the smoke
     * run always: the archive's training start alone takes a minute).
     */
    boolean plainService;
    /** Extra Payara Micro arguments (repeatable --server-arg). */
    List<String> serverArgs = new ArrayList<>(List.of("--maxHttpThreads", "4", "--minHttpThreads", "4"));
    /** JDBC statement cache per pooled connection (asadmin --statementcachesize); 0 = Payara's default, none. */
    int statementCache = 64;
    /** H2's cache of parsed statements per session (QUERY_CACHE_SIZE); 0 = H2's default, 8. */
    int h2QueryCache = 64;
    List<String> args = List.of();
    /** Phases floors and answer-wrk: wrk's connections, run length, warm-up and alternated rounds; the servers. */
    int wrkConnections = 50;
    double wrkSeconds = 10;
    double wrkWarmup = 5;
    int wrkRounds = 3;
    List<String> floorServers = new ArrayList<>(List.of("payara-micro", "wildfly", "open-liberty"));
    /**
     * Phase floors, for an A/B: only these rows (letters a-d; all by default) and other builds of our WAR: one
     * replaces ours; two or more run side by side, each on its own server at once, runs alternated (Floors).
     */
    List<String> floorRows = List.of("a", "b", "c", "d");
    List<Path> floorWars = new ArrayList<>();
    /** Phase startup, for an A/B: builds of our WAR started in turn with the archive only, nothing written. */
    List<Path> startupWars = new ArrayList<>();
    /** Phase startup, A/B: the builds started at the same moment each time instead of one after the other. */
    boolean startupTogether;
    /**
     * Phase startup, A/B: Payara Micro's pre-boot commands of each build, in the order of startupWars (the run
     * command's file for a build given none): the A/B of a change to the server's configuration.
     */
    List<Path> startupPreBoot = new ArrayList<>();
    /** JVM options added to one A/B build's starts, by its letter ("B" → options). */
    Map<String, List<String>> startupJvm = new TreeMap<>();
    /**
     * Phase floors, side by side: files of asadmin commands Payara Micro runs after its own post-boot commands, by
     * the letter of the server they are for ("B" → files): the A/B of a server setting, with the same WAR twice.
     */
    Map<String, List<Path>> floorPostBoot = new TreeMap<>();
    java.util.Map<String, String> serverEnv = new java.util.LinkedHashMap<>(java.util.Map.of("MALLOC_ARENA_MAX", "2"));
    /**
     * Which phases run (all by default): answer, demo, pin, calls, paced (Vonage and the demo), twilio-answer and
     * twilio-calls (the answer webhook and whole calls through Twilio); floors (each server's floors, with wrk),
     * answer-wrk (our answer beside the demo's, with wrk), startup (ready after start, see Startup) and scale
     * (generated 1k/100k callers, Scale.java).
     */
    java.util.Set<String> phases = new java.util.HashSet<>(List.of("answer", "demo", "pin", "calls", "paced",
            "twilio-answer", "twilio-calls", "floors", "answer-wrk", "startup", "scale"));
    /** Phase startup: starts of each server (empty WAR and ours, without and with the class-data archive). */
    int startupRuns = 3;
    /** Phase scale: the databases (h2, postgres when psql is on the PATH) and the numbers of generated callers. */
    List<String> scaleDatabases = List.of("h2", "postgres");
    List<Integer> scaleSizes = List.of(1_000, 100_000);
    /** Phase scale: keep the generated PostgreSQL databases (to look at them; drop them by hand afterwards). */
    boolean scaleKeep;
    /** Phase scale: alternated rounds of each measurement, the sizes side by side (their order turns every round). */
    int scaleRounds = 4;

    /** The same option as app/src/main/payara/PrepareLocalServer.java's NativeHeapTrim, asked of the JVM the same way. */
    static final String NATIVE_HEAP_TRIM = "-XX:TrimNativeHeapInterval=5000";

    /** The options of a java argument file: blank-separated, {@code #} to the end of a line a comment. */
    static List<String> argumentFile(Path file) {
        try {
            return Files.readAllLines(file).stream().map(line -> line.replaceFirst("#.*", "").strip())
                    .filter(line -> !line.isEmpty()).flatMap(line -> Arrays.stream(line.split("\\s+"))).toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("the run command's memory settings: " + file, e);
        }
    }

    private static List<String> runCommandJvm(Path project) {
        var jvm = new ArrayList<>(argumentFile(project.resolve("app/src/main/payara/memory.args")));
        try {
            var probe = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    NATIVE_HEAP_TRIM, "-version").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (probe.waitFor(30, java.util.concurrent.TimeUnit.SECONDS) && probe.exitValue() == 0) {
                jvm.add(NATIVE_HEAP_TRIM);
            }
        } catch (java.io.IOException e) {
            // no answer: measure without it, as the run command would start
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return jvm;
    }

    /** {LETTER, VALUE} of an A/B option's LETTER:VALUE, or a message saying what the option wants. */
    private static String[] perLetter(String option, String wants, String value) {
        var spec = value.split(":", 2);
        if (spec.length < 2 || spec[0].length() != 1 || spec[1].isBlank()) {
            throw new IllegalArgumentException(option + " wants LETTER:" + wants);
        }
        return spec;
    }

    static Options parse(String[] raw) {
        var o = new Options();
        var args = new ArrayList<String>();
        for (var a : raw) {
            // Maven hands the options over as one property: split on blanks
            args.addAll(Arrays.stream(a.trim().split("\\s+")).filter(s -> !s.isEmpty()).toList());
        }
        o.args = List.copyOf(args);
        boolean noFile = false;
        boolean serverJvmGiven = false;
        boolean serverArgsGiven = false;
        Path out = null;
        for (int i = 0; i < args.size(); i++) {
            var a = args.get(i);
            switch (a) {
                case "--smoke" -> o.smoke = true;
                case "--postgres" -> o.postgres = true;
                case "--iterations" -> o.iterations = Integer.parseInt(args.get(++i));
                case "--callers" -> o.callers = Integer.parseInt(args.get(++i));
                case "--concurrency" -> o.concurrency = Integer.parseInt(args.get(++i));
                case "--warmup" -> o.warmup = Double.parseDouble(args.get(++i));
                case "--seconds" -> o.seconds = Double.parseDouble(args.get(++i));
                case "--call-seconds" -> o.callSeconds = Double.parseDouble(args.get(++i));
                case "--paced-seconds" -> o.pacedSeconds = Double.parseDouble(args.get(++i));
                case "--calling-cap" -> o.callingCap = Integer.parseInt(args.get(++i));
                case "--called-cap" -> o.calledCap = Integer.parseInt(args.get(++i));
                case "--demo" -> o.demo = Path.of(args.get(++i));
                case "--no-demo" -> o.demo = null;
                case "--plain-service" -> o.plainService = true;
                case "--out" -> out = Path.of(args.get(++i));
                case "--no-file" -> noFile = true;
                case "--server-env" -> {
                    var kv = args.get(++i).split("=", 2);
                    o.serverEnv.put(kv[0], kv.length > 1 ? kv[1] : "");
                }
                case "--phases" -> o.phases = new java.util.HashSet<>(List.of(args.get(++i).split(",")));
                case "--server-jvm" -> {
                    // repeatable, one JVM option each; the first one replaces the default
                    if (!serverJvmGiven) {
                        o.serverJvm.clear();
                        serverJvmGiven = true;
                    }
                    o.serverJvm.add(args.get(++i));
                }
                case "--server-arg" -> {
                    // repeatable, one Payara Micro argument each; the first one replaces the default
                    if (!serverArgsGiven) {
                        o.serverArgs.clear();
                        serverArgsGiven = true;
                    }
                    o.serverArgs.add(args.get(++i));
                }
                case "--wrk-connections" -> o.wrkConnections = Integer.parseInt(args.get(++i));
                case "--wrk-seconds" -> o.wrkSeconds = Double.parseDouble(args.get(++i));
                case "--wrk-warmup" -> o.wrkWarmup = Double.parseDouble(args.get(++i));
                case "--wrk-rounds" -> o.wrkRounds = Integer.parseInt(args.get(++i));
                case "--floor-rows" -> o.floorRows = List.of(args.get(++i).split(","));
                case "--floor-war" -> o.floorWars.add(Path.of(args.get(++i)).toAbsolutePath());
                case "--startup-war" -> o.startupWars.add(Path.of(args.get(++i)).toAbsolutePath());
                case "--floor-servers" -> o.floorServers = new ArrayList<>(List.of(args.get(++i).split(",")));
                case "--scale-databases" -> o.scaleDatabases = List.of(args.get(++i).split(","));
                case "--scale-keep" -> o.scaleKeep = true;
                case "--scale-rounds" -> {
                    o.scaleRounds = Integer.parseInt(args.get(++i));
                    if (o.scaleRounds < 1) {
                        throw new IllegalArgumentException("--scale-rounds needs at least 1 round");
                    }
                }
                case "--scale-sizes" -> o.scaleSizes = Arrays.stream(args.get(++i).split(","))
                        .map(Integer::valueOf).toList();
                case "--statement-cache" -> o.statementCache = Integer.parseInt(args.get(++i));
                case "--startup-together" -> o.startupTogether = true;
                case "--startup-preboot" -> o.startupPreBoot.add(Path.of(args.get(++i)).toAbsolutePath());
                case "--startup-jvm" -> {
                    // repeatable, LETTER:OPTION, e.g. B:-XX:MetaspaceSize=128m: one more JVM option for that build
                    var spec = perLetter("--startup-jvm", "OPTION, e.g. B:-Xms128m", args.get(++i));
                    o.startupJvm.computeIfAbsent(spec[0], k -> new ArrayList<>()).add(spec[1]);
                }
                case "--floor-post-boot" -> {
                    // repeatable, LETTER:FILE, e.g. B:pool-without-tracing.txt: commands for that server only
                    var spec = perLetter("--floor-post-boot", "FILE, e.g. B:pool.txt", args.get(++i));
                    o.floorPostBoot.computeIfAbsent(spec[0], k -> new ArrayList<>())
                            .add(Path.of(spec[1]).toAbsolutePath());
                }
                case "--startup-runs" -> o.startupRuns = Integer.parseInt(args.get(++i));
                case "--h2-query-cache" -> o.h2QueryCache = Integer.parseInt(args.get(++i));
                case "--project" -> {
                    o.project = Path.of(args.get(++i)).toAbsolutePath();
                    o.build = o.project.resolve("bench/target");
                }
                default -> throw new IllegalArgumentException("unknown option " + a + " (see docs/benchmarks.md)");
            }
        }
        if (!serverJvmGiven) {
            o.serverJvm.addAll(runCommandJvm(o.project));
        }
        if (o.smoke) {
            o.callers = Math.min(o.callers, 40);
            o.concurrency = Math.min(o.concurrency, 4);
            o.warmup = Math.min(o.warmup, 1);
            o.seconds = Math.min(o.seconds, 2);
            o.callSeconds = Math.min(o.callSeconds, 3);
            o.pacedSeconds = Math.min(o.pacedSeconds, 3);
            o.wrkSeconds = Math.min(o.wrkSeconds, 1);
            o.wrkWarmup = Math.min(o.wrkWarmup, 1);
            o.wrkRounds = Math.min(o.wrkRounds, 1);
            o.scaleRounds = Math.min(o.scaleRounds, 2);
            o.scaleSizes = o.scaleSizes.stream().map(n -> Math.min(n, n >= 100_000 ? 2_000 : 200)).toList();
        }
        if (!noFile) {
            o.out = out != null ? out.toAbsolutePath() : o.smoke ? null : o.project.resolve("docs/benchmarks.md");
        }
        return o;
    }
}
