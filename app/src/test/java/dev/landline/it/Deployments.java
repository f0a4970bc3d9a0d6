package dev.landline.it;

import dev.landline.testsupport.LogCapture;
import dev.landline.testsupport.SettableClock;
import dev.landline.testsupport.TestSupportApplication;
import dev.landline.testsupport.TestSupportResource;
import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The WAR Maven built, exactly, plus the test-support classes (a settable clock, a look into the database). */
final class Deployments {

    private Deployments() {
    }

    static WebArchive builtWarWithTestSupport() {
        var war = new File("target/landline-authenticator.war");
        if (!war.isFile()) {
            throw new IllegalStateException("run the integration tests through Maven (mvn verify): " + war + " is missing");
        }
        return ShrinkWrap.createFromZipFile(WebArchive.class, war)
                .addClasses(SettableClock.class, LogCapture.class, TestSupportApplication.class, TestSupportResource.class);
    }
}
