package dev.landline.admin.boundary;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CrossSiteGuardTest {

    @Test
    void postsAnotherSiteCouldSendWithoutAPreflightAreRefused() {
        for (var type : new String[] {null, "", "text/plain", "TEXT/PLAIN; charset=UTF-8",
            "application/x-www-form-urlencoded", "multipart/form-data; boundary=----x", "; charset=UTF-8"}) {
            assertTrue(CrossSiteGuard.refused("POST", type), String.valueOf(type));
        }
    }

    @Test
    void jsonAndImagesAndOtherMethodsPass() {
        for (var type : new String[] {"application/json", "application/json; charset=UTF-8", "image/png",
            "image/jpeg", "image/gif"}) {
            assertFalse(CrossSiteGuard.refused("POST", type), type);
        }
        assertFalse(CrossSiteGuard.refused("DELETE", null), "DELETE is preflighted by browsers");
        assertFalse(CrossSiteGuard.refused("PUT", "text/plain"), "PUT is preflighted by browsers");
        assertFalse(CrossSiteGuard.refused("GET", null));
    }
}
