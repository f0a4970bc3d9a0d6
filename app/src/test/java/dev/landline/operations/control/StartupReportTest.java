package dev.landline.operations.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class StartupReportTest {

    @Test
    void credentialsInJdbcUrlsAreHidden() {
        assertEquals("jdbc:postgresql://127.0.0.1:5432/test?user=***&password=***",
                StartupReport.withoutCredentials("jdbc:postgresql://127.0.0.1:5432/test?user=app&password=s3cret"));
        assertEquals("jdbc:h2:/data/db/landline;USER=***;PASSWORD=***",
                StartupReport.withoutCredentials("jdbc:h2:/data/db/landline;USER=sa;PASSWORD=landline"));
        assertEquals("jdbc:h2:mem:test", StartupReport.withoutCredentials("jdbc:h2:mem:test"));
    }
}
