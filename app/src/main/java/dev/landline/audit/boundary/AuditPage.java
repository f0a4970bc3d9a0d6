package dev.landline.audit.boundary;

import java.util.List;

/** A page of the audit trail, newest first. */
public record AuditPage(int page, int size, List<AuditEntryView> items) {
}
