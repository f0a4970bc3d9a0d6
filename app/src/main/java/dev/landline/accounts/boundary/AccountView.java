package dev.landline.accounts.boundary;

import dev.landline.accounts.entity.OtpAccount;
import dev.landline.codes.control.OtpType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An OTP account as the admin API shows it: never the seed. */
public record AccountView(long id, String issuer, String label, String type, String algorithm, int digits,
        @Schema(description = "TOTP only") Integer period, @Schema(description = "HOTP only") Long counter,
        @Schema(description = "place in the spoken menu, from 1") int position) {

    public static AccountView of(OtpAccount account) {
        var p = account.parameters();
        boolean totp = p.type() == OtpType.TOTP;
        return new AccountView(account.id(), account.issuer(), account.label(), p.type().name().toLowerCase(),
                p.algorithm().name(), p.digits(), totp ? p.period() : null, totp ? null : p.counter(),
                account.menuPosition());
    }
}
