package dev.landline.enrolment.control;

import java.awt.image.BufferedImage;
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
 * zbar-tools) is installed, with zbar as the reference (looking for light-on-dark codes too: {@code -Stest-inverted}),
 * and reports the detection rate per condition and the time
 * per image. Run from the repository root (docs/benchmarks.md, "QR codes in photos"):
 *
 * <pre>
 * mvn -o -Pqr-bench -pl app -am process-test-classes -Dqr.args="--repetitions 4 --write-docs --write-verdicts"
 * </pre>
 *
 * Options: {@code --repetitions N} samples per condition and account count (default 4), {@code --write-docs} puts the
 * table into docs/benchmarks.md between its qr-bench markers, {@code --write-verdicts} writes zbar's verdicts (which
 * samples it reads) to the test resource {@link #VERDICTS} that {@code QrPhotoCorpusTest} checks the service
 * against, {@code --keep DIR} leaves the pictures there, {@code --refusals-only} only measures the refusal times.
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
                case "--refusals-only" -> {
                    System.out.println(refusalTimes());
                    return;
                }
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
                verdicts.put(sample.id(), "zbar=" + (zbarRead ? "read" : "unread") + " service="
                        + (serviceRead ? "read" : "unread") + " pixels=" + sample.pixels());
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
        var table = table(service, reference, zbar, corpus.size(), generation, zbarOnly) + refusalTimes();
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
            lines.add("# zbar's and the service's verdicts on each picture of PhonePhotos.corpus(SEED, " + repetitions
                    + ") and the start of the SHA-256 of the picture's pixels (before JPEG), written by QrPhotoBench"
                    + " --write-verdicts (" + zbarVersion() + " -Stest-inverted, Java "
                    + System.getProperty("java.version") + ")");
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

    /**
     * How long the service takes to refuse pictures it cannot read (the median of three): an unreadable 40-megapixel
     * picture (the largest read: every attempt of both passes), an unreadable camera frame as the admin page sends
     * it, and a small PNG tiled with finder patterns (the worst case for ZXing's finder).
     */
    private static String refusalTimes() {
        var out = new StringBuilder("\nHow long the service takes to refuse what it cannot read (median of three):\n\n");
        var large = new BufferedImage(7296, 5472, BufferedImage.TYPE_INT_RGB);
        var g = large.createGraphics();
        g.setPaint(new java.awt.GradientPaint(0, 0, new java.awt.Color(0x303030), 7296, 5472,
                new java.awt.Color(0xE0E0D0)));
        g.fillRect(0, 0, 7296, 5472);
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(2000, 1500, 3000, 2400);
        g.setColor(java.awt.Color.DARK_GRAY);
        for (int y = 1700; y < 3800; y += 90) {
            g.fillRect(2200, y, 2400, 40); // lines of text on a screen, no code
        }
        g.dispose();
        out.append(refusalTime("an unreadable 40-megapixel photo (7296 × 5472 JPEG, no code)",
                PhonePhotos.jpeg(large, 85)));
        var uri = PhonePhotos.exportTexts(new java.util.Random(14), 10, 1).get(0);
        var frame = new BufferedImage(1600, 1200, BufferedImage.TYPE_INT_RGB);
        g = frame.createGraphics();
        g.setColor(new java.awt.Color(0x707068));
        g.fillRect(0, 0, 1600, 1200);
        g.drawImage(QrPictures.code(uri, 600), 500, 300, null);
        g.dispose();
        // out of focus: a 13 × 13 box blur, several modules wide
        var weights = new float[13 * 13];
        java.util.Arrays.fill(weights, 1f / weights.length);
        frame = new java.awt.image.ConvolveOp(new java.awt.image.Kernel(13, 13, weights),
                java.awt.image.ConvolveOp.EDGE_NO_OP, null).filter(frame,
                new BufferedImage(1600, 1200, BufferedImage.TYPE_INT_RGB));
        out.append(refusalTime("an unreadable camera frame (1600 × 1200 JPEG 92 %, a 10-account code far out of focus)",
                PhonePhotos.jpeg(frame, 92)));
        out.append(refusalTime("a PNG tiled with finder patterns (3000 × 3000)",
                QrPictures.png(QrPhotoRefusalsTest.finderPatternGrid(3000, 3000))));
        return out.toString();
    }

    private static String refusalTime(String what, byte[] picture) {
        var times = new ArrayList<Long>();
        String said = "read (not a refusal)";
        for (int i = 0; i < 3; i++) {
            long t0 = System.nanoTime();
            try {
                QrImages.find(picture);
            } catch (EnrolmentRefused refused) {
                said = refused.getMessage().replaceAll("\\d+", "N").split("[;:(]")[0].strip();
            }
            times.add((System.nanoTime() - t0) / 1_000_000);
        }
        java.util.Collections.sort(times);
        return "- " + what + ", " + picture.length / 1024 + " KiB: " + times.get(1) + " ms (\"" + said + "\")\n";
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
        var result = run(List.of("zbarimg", "-q", "--raw", "-Sdisable", "-Sqrcode.enable", "-Stest-inverted",
                file.toString()));
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
