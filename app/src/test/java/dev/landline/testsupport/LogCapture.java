package dev.landline.testsupport;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Test deployments only: keeps every log record the server writes through java.util.logging (the server's own
 * logging, EclipseLink, Jersey, Weld and the application) from deployment on, formatted with parameters and
 * stack traces, so a test can scan them for secrets.
 */
@ApplicationScoped
public class LogCapture {

    private static final int MAX_RECORDS = 200_000;
    private final ConcurrentLinkedQueue<String> lines = new ConcurrentLinkedQueue<>();
    private final Handler handler = new Handler() {
        private final SimpleFormatter formatter = new SimpleFormatter();

        @Override
        public void publish(LogRecord record) {
            if (lines.size() < MAX_RECORDS) {
                lines.add(formatter.format(record));
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    void install(@Observes Startup startup) {
        handler.setLevel(Level.ALL);
        Logger.getLogger("").addHandler(handler);
    }

    public String all() {
        return String.join("", lines);
    }

    public int count() {
        return lines.size();
    }
}
