package dev.landline.testsupport;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Set;

/** Test deployments only: lets black-box tests set the clock and look at what the database holds. */
@ApplicationPath("test-support")
public class TestSupportApplication extends Application {

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(TestSupportResource.class);
    }
}
