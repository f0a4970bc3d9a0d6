package dev.landline.admin.boundary;

import dev.landline.accounts.boundary.AccountsResource;
import dev.landline.accounts.boundary.CallersResource;
import dev.landline.audit.boundary.AuditResource;
import dev.landline.codes.boundary.InvalidOtpInputMapper;
import dev.landline.codes.boundary.NoStoreFilter;
import dev.landline.enrolment.boundary.EnrolmentRefusedMapper;
import dev.landline.enrolment.boundary.EnrolmentsResource;
import dev.landline.guard.boundary.LockedCallersResource;
import dev.landline.guard.boundary.LockoutResource;
import dev.landline.operations.boundary.StatusResource;
import dev.landline.problems.boundary.Problems;
import dev.landline.secrets.boundary.KeysResource;
import dev.landline.signatures.boundary.PhoneSignaturesResource;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.HashSet;
import java.util.Set;

/**
 * The administration API under {@code /api}: each feature's admin resources, listed here because the WAR holds a
 * second application ({@code /webhooks}); an application that listed nothing would get every resource of the WAR,
 * the webhooks included. The features never import this package: the dependency points one way.
 */
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
