package dev.landline.enrolment.control;

import java.nio.file.Files;
import java.nio.file.Path;

/** Reads the QR code of one image file and prints its text: run in a JVM of its own with a small heap. */
public final class SmallHeapRead {

    private SmallHeapRead() {
    }

    public static void main(String[] args) throws Exception {
        System.out.print(QrPictures.readFirst(Files.readAllBytes(Path.of(args[0]))));
    }
}
