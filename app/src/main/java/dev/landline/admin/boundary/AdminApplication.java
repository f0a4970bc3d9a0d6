package dev.landline.admin.boundary;

import dev.landline.codes.boundary.NoStoreFilter;
import dev.landline.enrolment.boundary.EnrolmentRefusedMapper;
import dev.landline.enrolment.boundary.EnrolmentsResource;
import dev.landline.operations.boundary.StatusResource;
import dev.landline.problems.boundary.Problems;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.HashSet;
import java.util.Set;

@ApplicationPath("api")
public class AdminApplication extends Application {

    @Override
    public Set<Class<?>> getClasses() {
        var classes = new HashSet<Class<?>>(Problems.mappers());
        classes.add(CrossSiteGuard.class);
        classes.add(CallersResource.class);
        classes.add(AccountsResource.class);
        classes.add(LockoutResource.class);
        classes.add(LockedCallersResource.class);
        classes.add(AuditResource.class);
        classes.add(PhoneSignaturesResource.class);
        classes.add(KeysResource.class);
        classes.add(StatusResource.class);
        classes.add(InvalidOtpInputMapper.class);
        classes.add(EnrolmentsResource.class);
        classes.add(EnrolmentRefusedMapper.class);
        classes.add(NoStoreFilter.class);
        return classes;
    }
}
