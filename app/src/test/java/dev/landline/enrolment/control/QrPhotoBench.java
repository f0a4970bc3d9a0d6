package dev.landline.enrolment.control;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * The QR photo benchmark (issue 14; not a test, nothing is asserted): decodes every picture of the
 * {@link PhonePhotos} corpus with the service's decoder ({@link QrImages#readAll}) and, when {@code zbarimg} (Debian's
 * zbar-tools) is installed, with zbar as the reference, and reports the detection rate per condition and the time
 * per image. Run from the repository root (docs/benchmarks.md, "QR codes in photos"):
 *
 * <pre>
 * mvn -o -Pqr-bench -pl app -am process-test-classes -Dqr.args="--repetitions 4 --write-docs --write-verdicts"
 * </pre>
 *
 * Options: {@code --repetitions N} samples per condition and account count (default 4), {@code --write-docs} puts the
 * table into docs/benchmarks.md between its qr-bench markers, {@code --write-verdicts} writes zbar's verdicts (which
 * samples it reads) to the test resource {@link #VERDICTS} that {@code QrPhotoCorpusTest} checks the service
 * against, {@code --keep DIR} leaves the pictures there.
 */
public final class QrPhotoBench {

    /** zbar's verdicts per sample, committed: the unit test needs no zbar installed. */
    static final String VERDICTS = "app/src/test/resources/enrolment/photos/zbar-verdicts.txt";
    private static final String START = "<!-- qr-bench:start -->";
    private static final String END = "<!-- qr-bench:end -->";

    private QrPhotoBench() {
    }

    /** How one decoder did on one condition. */
    private static final class Tally {
        int read;
        int total;
        long nanos;

        String rate() {
            return read + "/" + total;
        }

        String millis() {
            return total == 0 ? "" : String.format(Locale.ROOT, "%.0f", nanos / 1e6 / total);
        }
    }

    public static void main(String[] args) throws Exception {
        int repetitions = 4;
        boolean writeDocs = false;
        boolean writeVerdicts = false;
        Path keep = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--repetitions" -> repetitions = Integer.parseInt(args[++i]);
                case "--write-docs" -> writeDocs = true;
                case "--write-verdicts" -> writeVerdicts = true;
                case "--keep" -> keep = Path.of(args[++i]);
                case "" -> {
                    // an empty qr.args
                }
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        boolean zbar = zbarInstalled();
        var dir = keep != null ? Files.createDirectories(keep) : Files.createTempDirectory("qr-bench");
        var service = new EnumMap<PhonePhotos.Condition, Tally>(PhonePhotos.Condition.class);
        var reference = new EnumMap<PhonePhotos.Condition, Tally>(PhonePhotos.Condition.class);
        var verdicts = new TreeMap<String, String>();
        int zbarOnly = 0;
        var missed = new ArrayList<String>();
        long generation = System.nanoTime();
        var corpus = PhonePhotos.corpus(PhonePhotos.SEED, repetitions);
        generation = System.nanoTime() - generation;
        // warm up the decoder's code paths so that the first condition is not charged with class loading and JIT
        for (var sample : corpus.subList(0, Math.min(6, corpus.size()))) {
            readByService(sample.jpeg());
        }
        REFUSALS.clear();
        STEPS.clear();
        for (var sample : corpus) {
            var file = dir.resolve(sample.id() + ".jpg");
            Files.write(file, sample.jpeg());
            long t0 = System.nanoTime();
            var found = readByService(sample.jpeg());
            long serviceNanos = System.nanoTime() - t0;
            boolean serviceRead = found.containsAll(sample.texts());
            add(service, sample.condition(), serviceRead, serviceNanos);
            if (zbar) {
                t0 = System.nanoTime();
                boolean zbarRead = zbarRead(file).containsAll(sample.texts());
                add(reference, sample.condition(), zbarRead, System.nanoTime() - t0);
                verdicts.put(sample.id(), (zbarRead ? "read " : "unread ") + QrPhotoCorpusTest.hash(sample.jpeg()));
                if (zbarRead && !serviceRead) {
                    zbarOnly++;
                    missed.add(sample.toString());
                }
            }
            if (keep == null) {
                Files.delete(file);
            }
        }
        if (keep == null) {
            Files.delete(dir);
        }
        var table = table(service, reference, zbar, corpus.size(), generation, zbarOnly);
        System.out.println(table);
        missed.forEach(m -> System.out.println("zbar read, the service did not: " + m));
        if (writeDocs) {
            replaceBetweenMarkers(Path.of("docs/benchmarks.md"), table);
        }
        if (writeVerdicts) {
            if (!zbar) {
                throw new IllegalStateException("--write-verdicts needs zbarimg (apt-get install zbar-tools)");
            }
            var lines = new ArrayList<String>();
            lines.add("# zbar's verdict on each picture of PhonePhotos.corpus(SEED, " + repetitions + ") and the"
                    + " start of the picture's SHA-256, written by QrPhotoBench --write-verdicts (" + zbarVersion()
                    + ", Java " + System.getProperty("java.version") + ")");
            verdicts.forEach((id, verdict) -> lines.add(id + " " + verdict));
            Files.createDirectories(Path.of(VERDICTS).getParent());
            Files.write(Path.of(VERDICTS), lines, StandardCharsets.UTF_8);
        }
    }

    /** Why the service refused the pictures it did not read: the start of each message, and how often. */
    private static final Map<String, Integer> REFUSALS = new TreeMap<>();
    /** At which step of the decoder the pictures it read were read, and how often. */
    private static final Map<String, Integer> STEPS = new TreeMap<>();

    /** Every QR code text the service's decoder finds in the picture (none when it refuses). */
    private static List<String> readByService(byte[] jpeg) {
        try {
            var found = QrImages.find(jpeg);
            STEPS.merge(found.step(), 1, Integer::sum);
            return found.texts();
        } catch (EnrolmentRefused refused) {
            var message = refused.getMessage();
            REFUSALS.merge(message.replaceAll("\\d+", "N").split("[;:(]")[0].strip(), 1, Integer::sum);
            return List.of();
        }
    }

    private static void add(Map<PhonePhotos.Condition, Tally> tallies, PhonePhotos.Condition condition, boolean read,
            long nanos) {
        var tally = tallies.computeIfAbsent(condition, c -> new Tally());
        tally.total++;
        tally.nanos += nanos;
        if (read) {
            tally.read++;
        }
    }

    private static String table(Map<PhonePhotos.Condition, Tally> service, Map<PhonePhotos.Condition, Tally> zbar,
            boolean zbarThere, int size, long generationNanos, int zbarOnly) {
        var out = new StringBuilder();
        out.append(LocalDate.now(ZoneOffset.UTC)).append(", ").append(Runtime.getRuntime().availableProcessors())
                .append(" cores shared with other builds (timings are indicative), Java ")
                .append(System.getProperty("java.version")).append(", ").append(size)
                .append(" pictures (seed ").append(PhonePhotos.SEED).append("), made in ")
                .append(String.format(Locale.ROOT, "%.0f", generationNanos / 1e9)).append(" s; reference: ")
                .append(zbarThere ? zbarVersion() : "zbarimg not installed").append(".\n\n");
        out.append("| condition | service read | ms per picture |");
        out.append(zbarThere ? " zbar read | ms per picture |\n|---|---|---|---|---|\n" : "\n|---|---|---|\n");
        var all = new Tally();
        var allZbar = new Tally();
        for (var condition : PhonePhotos.Condition.values()) {
            var s = service.getOrDefault(condition, new Tally());
            out.append("| ").append(condition.name().toLowerCase(Locale.ROOT).replace('_', ' ')).append(" | ")
                    .append(s.rate()).append(" | ").append(s.millis()).append(" |");
            sum(all, s);
            if (zbarThere) {
                var z = zbar.getOrDefault(condition, new Tally());
                out.append(' ').append(z.rate()).append(" | ").append(z.millis()).append(" |");
                sum(allZbar, z);
            }
            out.append('\n');
        }
        out.append("| **all** | **").append(all.rate()).append("** | ").append(all.millis()).append(" |");
        if (zbarThere) {
            out.append(" **").append(allZbar.rate()).append("** | ").append(allZbar.millis()).append(" |");
        }
        out.append('\n');
        if (zbarThere) {
            out.append("\nPictures zbar read and the service did not: ").append(zbarOnly).append(".\n");
        }
        if (!STEPS.isEmpty()) {
            out.append("\nWhere the service's decoder found the codes of the pictures it read (each step is tried only"
                    + " when the ones before found nothing):\n\n");
            STEPS.forEach((step, count) -> out.append("- ").append(count).append(" × ").append(step).append('\n'));
        }
        if (!REFUSALS.isEmpty()) {
            out.append("\nWhat the service said of the pictures it did not read (warm-up excluded):\n\n");
            REFUSALS.forEach((message, count) -> out.append("- ").append(count).append(" × \"").append(message)
                    .append("\"\n"));
        }
        return out.toString();
    }

    private static void sum(Tally into, Tally from) {
        into.read += from.read;
        into.total += from.total;
        into.nanos += from.nanos;
    }

    private static boolean zbarInstalled() {
        try {
            return run(List.of("zbarimg", "--version")).exit == 0;
        } catch (IOException e) {
            return false;
        }
    }

    private static String zbarVersion() {
        try {
            return "zbarimg " + run(List.of("zbarimg", "--version")).out.strip();
        } catch (IOException e) {
            return "zbarimg";
        }
    }

    /** The texts zbar reads in the picture, one a line ({@code --raw}), QR codes only. */
    private static HashSet<String> zbarRead(Path file) throws IOException {
        var result = run(List.of("zbarimg", "-q", "--raw", "-Sdisable", "-Sqrcode.enable", file.toString()));
        return new HashSet<>(result.out.lines().map(String::strip).filter(l -> !l.isEmpty()).toList());
    }

    private record Result(int exit, String out) {
    }

    private static Result run(List<String> command) throws IOException {
        var process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        var out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return new Result(-1, "");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(-1, "");
        }
        return new Result(process.exitValue(), out);
    }

    private static void replaceBetweenMarkers(Path doc, String table) throws IOException {
        var text = Files.readString(doc);
        int start = text.indexOf(START);
        int end = text.indexOf(END);
        if (start < 0 || end < start) {
            throw new IllegalStateException(doc + " has no " + START + " … " + END + " markers");
        }
        Files.writeString(doc, text.substring(0, start + START.length()) + "\n" + table + text.substring(end));
    }
}
