package dev.landline.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import dev.landline.enrolment.control.EnrolmentRefused;
import dev.landline.enrolment.control.ExportFixtures;
import dev.landline.enrolment.control.PhonePhotos;
import dev.landline.enrolment.control.QrImages;
import dev.landline.enrolment.control.proto.GoogleAuthMigration.MigrationPayload;
import dev.landline.testkit.Http;
import dev.landline.testkit.ReferenceOtp;
import dev.landline.testkit.TestCredentials;
import dev.landline.testkit.VonagePlayer;
import dev.landline.testkit.WebhookSigner;
import java.awt.Color;
import java.awt.Font;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The web front end in headless Chromium against the WAR on Payara Micro (signed webhooks enforced, as in every
 * IT): an administrator signs in, creates a caller, enrols accounts by URI, by screenshot and by camera, checks the
 * preview code against the one a call speaks, and places the call on the browser phone. Screenshots of the main
 * pages go to target/screenshots.
 */
class BrowserIT extends OnPayaraMicro {

    private static final String PIN = "480261";
    /** A second RFC 4648 Base32 secret (80 bits of "Hello!\xde\xad\xbe\xef"), for the screenshot. */
    private static final String SCREENSHOT_SECRET = "JBSWY3DPEHPK3PXP";

    /** The start of the next 30-second step plus 5 s: 25 s left, near real time (the preview expires in 15 min). */
    private static Instant earlyInAStep() {
        return Instant.ofEpochSecond((Instant.now().getEpochSecond() / 30 + 1) * 30 + 5);
    }

    private static String totp(String secret, Instant at) {
        return ReferenceOtp.totp(ReferenceOtp.base32(secret), at, 30, 6, "HmacSHA1");
    }

    @Test
    void anAdministratorCreatesACallerEnrolsByUriAndScreenshotAndHearsThePreviewedCodeOnTheBrowserPhone() throws Exception {
        var at = earlyInAStep();
        fixtures.clockAt(at);
        var phone = Fixtures.uniquePhone();
        var accountNumber = Fixtures.uniqueAccountNumber();
        try (var browser = Browser.open(base)) {
            browser.signInAndOpen(TestCredentials.ADMIN, "admin/index.html");
            browser.visible("#create");
            var offered = browser.waitFor("the languages with prompts are offered", d -> {
                var options = d.findElements(By.cssSelector("#language option"));
                return options.size() == 11 ? options.stream().map(WebElement::getText).toList() : null;
            });
            assertEquals("English (United Kingdom) — en-GB", offered.get(0), "the default, chosen unless changed");
            assertTrue(offered.contains("German (Germany) — de-DE") && offered.contains("Japanese (Japan) — ja-JP"),
                    offered.toString());
            browser.find("#name").sendKeys("Ada Lovelace");
            browser.find("#accountNumber").sendKeys(accountNumber);
            browser.find("#pin").sendKeys(PIN);
            browser.find("#phoneNumbers").sendKeys("+" + phone);
            browser.find("#create-button").click();
            browser.textContaining("#message", "Ada Lovelace was created");
            var row = browser.textContaining("#callers tbody", accountNumber);
            assertTrue(row.contains("+" + phone), row);
            browser.screenshot("callers");

            var callerId = callerIdOf(browser, accountNumber);

            // enrol by URI: the preview shows the code the server computes, with its countdown ring
            browser.open("admin/enrol.html?caller=" + callerId);
            browser.visible("#uri").sendKeys("otpauth://totp/GitHub:ada?secret=" + ReferenceOtp.RFC_SECRET + "&issuer=GitHub");
            browser.find("#uri-button").click();
            var uriCode = browser.visible("#accounts .code").getText();
            assertEquals(totp(ReferenceOtp.RFC_SECRET, at), uriCode, "the preview's code is RFC 6238's at the server's time");
            assertEquals("25s", browser.find("#accounts svg.ring text").getText());
            browser.screenshot("enrol-preview");
            browser.find("#save").click();
            browser.textContaining("#message", "Saved 1 account(s): GitHub");

            // enrol by uploading a screenshot in which the QR code is a small part
            var screenshot = screenshotWithQr("otpauth://totp/Screenshot%20Co:ada?secret=" + SCREENSHOT_SECRET
                    + "&issuer=Screenshot%20Co");
            browser.find("#image").sendKeys(screenshot.toAbsolutePath().toString());
            var screenshotCode = browser.waitFor("the screenshot's account is previewed",
                    d -> d.findElements(By.cssSelector("#accounts .preview-account")).stream()
                            .filter(e -> e.getText().contains("Screenshot Co")).findFirst().orElse(null))
                    .findElement(By.cssSelector(".code")).getText();
            assertEquals(totp(SCREENSHOT_SECRET, at), screenshotCode);
            browser.find("#save").click();
            browser.textContaining("#message", "Saved 1 account(s): Screenshot Co");

            // the browser phone: from Ada's usual number, PIN, then the second account of the menu
            browser.open("admin/phone.html");
            browser.visible("#from").sendKeys(phone);
            browser.find("#call").click();
            browser.textContaining("#transcript", "PIN");
            browser.textContaining("#call-state", "Listening");
            press(browser, PIN + "#");
            browser.textContaining("#transcript", "For Screenshot Co, press 2");
            press(browser, "2");
            var heard = browser.visible("#code-heard").getText();
            assertEquals(screenshotCode, heard, "the phone hears the code the preview showed");
            var transcript = browser.find("#transcript").getText();
            assertTrue(transcript.contains("Screenshot Co"), transcript);
            assertFalse(transcript.contains(PIN), "the transcript never shows the PIN typed");
            assertFalse(transcript.contains("<say-as"), "SSML is stripped for display");
            browser.screenshot("phone");

            browser.find("#hangup").click();
            browser.textContaining("#call-state", "You hung up");

            var accounts = Http.array(Http.admin("GET", base.resolve("api/callers/" + callerId + "/accounts"), null));
            assertEquals(List.of("GitHub", "Screenshot Co"),
                    accounts.stream().map(a -> a.asJsonObject().getString("issuer")).toList());
        }
    }

    @Test
    void theBrowserPhonePlaysTwilioAnUnknownNumberTimesOutOnceThenGivesTheAccountNumberAndPinAndHearsTheCode() {
        var at = earlyInAStep();
        fixtures.clockAt(at);
        var accountNumber = Fixtures.uniqueAccountNumber();
        var callerId = fixtures.caller("Katherine", accountNumber, PIN);
        fixtures.account(callerId, "Gmail", "katherine", ReferenceOtp.RFC_SECRET);
        try (var browser = Browser.open(base)) {
            browser.signInAndOpen(TestCredentials.ADMIN, "admin/phone.html");
            browser.visible("#provider-twilio").click();
            browser.open("admin/phone.html");
            assertTrue(browser.visible("#provider-twilio").isSelected(), "the switch is remembered for the tab");
            browser.visible("#from").sendKeys(Fixtures.uniquePhone());
            browser.find("#call").click();
            browser.textContaining("#transcript", "(Twilio)");
            browser.textContaining("#transcript", "account number");
            browser.textContaining("#call-state", "Listening");
            assertFalse(browser.find("#provider-vonage").isEnabled(), "no switching during a call");

            // nothing typed: Twilio goes on with the Redirect after the Gather, and the caller is asked again
            browser.find("#timeout").click();
            browser.textContaining("#transcript", "(silence)");
            browser.textContaining("#transcript", "did not get that");
            press(browser, accountNumber + "#");
            browser.textContaining("#transcript", "PIN");
            press(browser, PIN + "#");
            var heard = browser.visible("#code-heard").getText();
            assertEquals(totp(ReferenceOtp.RFC_SECRET, at), heard, "the code Twilio's <Say> reads, digit by digit");
            var transcript = browser.find("#transcript").getText();
            assertTrue(transcript.contains("Gmail"), transcript);
            assertFalse(transcript.contains(PIN), "the transcript never shows the PIN typed");
            assertFalse(transcript.contains("<Say") || transcript.contains("<Gather"), "TwiML is shown as text");
            browser.screenshot("phone-twilio");

            // "Press 1 to hear it again": a one-key menu, no # needed
            browser.textContaining("#transcript", "Press 1 to hear it again");
            press(browser, "1");
            browser.waitFor("the code is read again", d -> browser.all("#transcript .digits").size() >= 4 ? true : null);
            assertEquals(totp(ReferenceOtp.RFC_SECRET, at), browser.visible("#code-heard").getText());
            browser.textContaining("#call-state", "Listening");
            browser.find("#hangup").click();
            browser.textContaining("#call-state", "You hung up");
            assertEquals("", browser.find("#message").getText(), "every webhook, the status callback too, was taken");
            assertTrue(browser.find("#provider-vonage").isEnabled());
        }
    }

    @Test
    void aWithheldTwilioCallerWhoTypesNothingIsAskedAgainAFewTimesThenHearsGoodbyeAndTheCallEnds() {
        try (var browser = Browser.open(base)) {
            browser.signInAndOpen(TestCredentials.ADMIN, "admin/phone.html");
            browser.visible("#provider-twilio").click();
            browser.find("#call").click();
            browser.textContaining("#transcript", "withheld number (Twilio)");
            var timeouts = 0;
            while (true) {
                var state = browser.waitFor("the phone listens or the call is over", d -> {
                    var text = browser.find("#call-state").getText();
                    return text.startsWith("Listening") || text.contains("ended") || text.contains("cut off")
                            ? text : null;
                });
                if (!state.startsWith("Listening")) {
                    assertEquals("The call ended.", state);
                    break;
                }
                assertTrue(timeouts < 5, "the re-prompts are bounded");
                browser.find("#timeout").click();
                var sent = ++timeouts;
                browser.waitFor("the time-out is sent", d -> browser.all("#transcript p.you").size() == sent
                        ? true : null);
            }
            assertTrue(timeouts >= 2, "asked again at least once before goodbye: " + timeouts);
            var transcript = browser.find("#transcript").getText();
            assertTrue(transcript.contains("Sorry, I did not get that. Goodbye."), transcript);
            assertEquals("", browser.find("#message").getText(), "the <Hangup/> and the status callback were taken");
            assertTrue(browser.find("#call").isEnabled());
        }
    }

    @Test
    void aThreeCodeGoogleExportIsCollectedPartByPartAndAPartialImportIsConfirmed() throws Exception {
        var at = earlyInAStep();
        fixtures.clockAt(at);
        var callerId = fixtures.caller("Export", Fixtures.uniqueAccountNumber(), PIN);
        var first = ExportFixtures.totp("Alpha", "ada", ExportFixtures.secret(1, 20));
        var third = ExportFixtures.totp("Gamma", "ada", ExportFixtures.secret(3, 20));
        var part0 = ExportFixtures.uri(ExportFixtures.payload(77, 3, 0, List.of(first)));
        var part2 = ExportFixtures.uri(ExportFixtures.payload(77, 3, 2, List.of(third)));
        var otherBatch = ExportFixtures.uri(ExportFixtures.payload(78, 3, 1,
                List.of(ExportFixtures.totp("Other", "ada", ExportFixtures.secret(9, 20)))));
        try (var browser = Browser.open(base)) {
            browser.signInAndOpen(TestCredentials.ADMIN, "admin/enrol.html?caller=" + callerId);
            browser.visible("#uri").sendKeys(part0);
            browser.find("#uri-button").click();
            browser.textContaining("#batch", "1 of 3 codes scanned");
            assertFalse(browser.find("#save").isEnabled(), "an incomplete export is not saved by mistake");

            browser.find("#image").sendKeys(screenshotWithQr(part2).toAbsolutePath().toString());
            browser.textContaining("#batch", "2 of 3 codes scanned");
            browser.textContaining("#accounts", "Gamma");
            assertEquals(totp(ReferenceOtp.base32(ExportFixtures.secret(3, 20)), at),
                    browser.all("#accounts .preview-account").stream().filter(e -> e.getText().contains("Gamma"))
                            .findFirst().orElseThrow().findElement(By.cssSelector(".code")).getText());

            browser.visible("#uri").sendKeys(otherBatch);
            browser.find("#uri-button").click();
            var refusal = browser.visible("#message.error").getText();
            assertTrue(refusal.toLowerCase().contains("batch") || refusal.toLowerCase().contains("export"), refusal);
            assertEquals("2 of 3 codes scanned", browser.find("#batch").getText().split(":")[0]);

            browser.find("#image").sendKeys(imageWithoutQr().toAbsolutePath().toString());
            browser.visible("#message.error");
            browser.screenshot("enrol-export-two-of-three");

            browser.visible("#save-partial").click();
            browser.textContaining("#message", "Saved 2 account(s): Alpha, Gamma");
        }
        var accounts = Http.array(Http.admin("GET", base.resolve("api/callers/" + callerId + "/accounts"), null));
        assertEquals(List.of("Alpha", "Gamma"), accounts.stream().map(a -> a.asJsonObject().getString("issuer")).toList());
    }

    @Test
    void theBrowserPhoneAsksAnUnknownNumberForTheAccountNumberAndReadsTheOnlyAccount() {
        var at = earlyInAStep();
        fixtures.clockAt(at);
        var accountNumber = Fixtures.uniqueAccountNumber();
        var callerId = fixtures.caller("Grace", accountNumber, PIN);
        fixtures.account(callerId, "Gmail", "grace", ReferenceOtp.RFC_SECRET);
        try (var browser = Browser.open(base)) {
            browser.windowSize(390, 844);
            browser.signInAndOpen(TestCredentials.ADMIN, "admin/phone.html");
            browser.visible("#from").sendKeys(Fixtures.uniquePhone());
            browser.find("#call").click();
            browser.textContaining("#transcript", "account number");
            browser.textContaining("#call-state", "Listening");
            press(browser, accountNumber + "#");
            browser.textContaining("#transcript", "PIN");
            press(browser, PIN + "#");
            assertEquals(totp(ReferenceOtp.RFC_SECRET, at), browser.visible("#code-heard").getText());
            browser.screenshot("phone-on-a-phone-screen");
            browser.find("#hangup").click();
            browser.textContaining("#call-state", "You hung up");
        }
    }

    @Test
    void theCallerPageReordersTheMenuShowsNoSecretAndResetsWrongPinCounts() {
        var phone = Fixtures.uniquePhone();
        var callerId = fixtures.caller("Hedy", Fixtures.uniqueAccountNumber(), PIN, "+" + phone);
        fixtures.account(callerId, "GitHub", "hedy", ReferenceOtp.RFC_SECRET);
        fixtures.account(callerId, "Gmail", "hedy", SCREENSHOT_SECRET);
        var call = VonagePlayer.dial(base, phone, "442079460000");
        call.press("139024#").press("139024#").press("139024#");

        try (var browser = Browser.open(base)) {
            browser.signInAndOpen(TestCredentials.ADMIN, "admin/caller.html?id=" + callerId);
            browser.textContaining("#accounts tbody", "Gmail");
            assertEquals(List.of("GitHub", "Gmail"), issuers(browser));
            browser.textContaining("#lock-state", "3 consecutive wrong PIN(s)");
            browser.textContaining("#lock-state", "3 of 20 allowed in 30 days");
            browser.textContaining("#since-last-call", "3 wrong PINs were entered since the caller's last successful call");
            browser.screenshot("caller-accounts");
            assertFalse(browser.driver.getPageSource().contains(ReferenceOtp.RFC_SECRET), "the page never holds a secret");

            browser.find("#accounts tbody tr:first-child button[data-action='down']").click();
            browser.textContaining("#message", "menu order was saved");
            assertEquals(List.of("Gmail", "GitHub"), issuers(browser));
            var stored = Http.array(Http.admin("GET", base.resolve("api/callers/" + callerId + "/accounts"), null));
            assertEquals(List.of("Gmail", "GitHub"),
                    stored.stream().map(a -> a.asJsonObject().getString("issuer")).toList());

            browser.find("#accounts tbody tr:last-child button[data-action='delete']").click();
            browser.driver.switchTo().alert().accept();
            browser.textContaining("#message", "GitHub was deleted");
            assertEquals(List.of("Gmail"), issuers(browser));

            browser.find("#unlock").click();
            browser.textContaining("#lock-state", "0 consecutive wrong PIN(s)");
            browser.textContaining("#lock-state", "0 of 20 allowed in 30 days");
            var lock = Http.object(Http.admin("GET", base.resolve("api/callers/" + callerId + "/lockout"), null));
            assertEquals(0, lock.getInt("consecutiveFailures"));

            browser.find("#pin").sendKeys("123456");
            browser.find("#pin-button").click();
            browser.textContaining("#message", "ascending or descending run");
            browser.find("#pin").clear();
            browser.find("#pin").sendKeys("730159");
            browser.find("#pin-button").click();
            browser.textContaining("#message", "The PIN was changed");
        }
        var after = VonagePlayer.dial(base, phone, "442079460000").press("730159#");
        after.assertHeardCodeOf(SCREENSHOT_SECRET); // the new PIN opens the only account left
        assertTrue(after.heard().contains("Gmail"), after.heard());
    }

    @Test
    void hostileIssuersAndLabelsAreShownOnEveryPageAndSpokenAsTextOnly() {
        var at = earlyInAStep();
        fixtures.clockAt(at);
        var phone = Fixtures.uniquePhone();
        var callerId = fixtures.caller("Mallory", Fixtures.uniqueAccountNumber(), PIN, "+" + phone);
        var secondSecret = ReferenceOtp.base32(ExportFixtures.secret(7, 20));
        try (var browser = Browser.open(base)) {
            browser.signInAndOpen(TestCredentials.ADMIN, "admin/enrol.html?caller=" + callerId);
            browser.visible("#uri").sendKeys(keyUri(HOSTILE_ISSUER, HOSTILE_LABEL, ReferenceOtp.RFC_SECRET));
            browser.find("#uri-button").click();
            browser.visible("#accounts .code");
            assertEquals(HOSTILE_ISSUER, textOf(browser, "#accounts .preview-account .who strong bdi"));
            assertEquals(HOSTILE_LABEL, textOf(browser, "#accounts .preview-account .who span bdi"));
            assertNothingInjected(browser);
            browser.find("#save").click();
            browser.textContaining("#message", "Saved 1 account(s)");
            var saved = textOf(browser, "#message");
            assertTrue(saved.startsWith("Saved 1 account(s): " + HOSTILE_ISSUER + ". "), saved);
            assertEquals(HOSTILE_ISSUER, textOf(browser, "#message bdi"), "the name is isolated from the sentence");

            browser.visible("#uri").sendKeys(keyUri(null, HOSTILE_NAME, secondSecret));
            browser.find("#uri-button").click();
            browser.visible("#accounts .code");
            assertEquals(HOSTILE_NAME, textOf(browser, "#accounts .preview-account .who span bdi"));
            browser.find("#save").click();
            browser.textContaining("#message", "Saved 1 account(s)");
            assertNothingInjected(browser);

            browser.open("admin/caller.html?id=" + callerId);
            browser.textContaining("#accounts tbody", "999999");
            assertEquals(List.of(HOSTILE_ISSUER, "—"), browser.all("#accounts tbody tr td:nth-child(2)").stream()
                    .map(cell -> textOf(browser, cell)).toList());
            assertEquals(List.of(HOSTILE_ISSUER, HOSTILE_LABEL, HOSTILE_NAME), browser.all("#accounts tbody bdi")
                    .stream().map(name -> textOf(browser, name)).toList(), "each name isolated");
            assertNothingInjected(browser);
            browser.screenshot("caller-hostile-names");

            browser.open("admin/phone.html");
            browser.visible("#from").sendKeys(phone);
            browser.find("#call").click();
            browser.textContaining("#call-state", "Listening");
            press(browser, PIN + "#");
            browser.textContaining("#transcript", ", press 2");
            var menu = textOf(browser, "#transcript");
            assertTrue(menu.contains("For " + spoken(HOSTILE_ISSUER) + ", press 1. For " + spoken(HOSTILE_NAME)
                    + ", press 2."), menu);
            assertTrue(browser.all("#transcript .digits").isEmpty(), "a name's say-as is no code");
            assertTrue(browser.all("#code-heard").isEmpty(), "no code heard at the menu");
            assertNothingInjected(browser);
            press(browser, "2");
            var code = totp(secondSecret, at);
            assertEquals(code, browser.visible("#code-heard").getText());
            assertEquals(List.of(code, code), browser.all("#transcript .digits").stream().map(WebElement::getText)
                    .toList(), "only the real code is read as digits");
            assertFalse(textOf(browser, "#transcript").contains("\u202E"),
                    "no override from a name turns the transcript (and the code in it) around");
            assertNothingInjected(browser);
            browser.screenshot("phone-hostile-names");
        }

        var call = VonagePlayer.dial(base, phone, "442079460000").press(PIN + "#");
        var menu = spokenDocument(call);
        assertEquals(1, menu.getElementsByTagName("*").getLength(), "no markup but <speak> in the menu: " + call.heard());
        assertEquals("For " + spoken(HOSTILE_ISSUER) + ", press 1. For " + spoken(HOSTILE_NAME) + ", press 2.",
                menu.getDocumentElement().getTextContent(), "the names are spoken as the text they are");
        call.press("2");
        var readOut = spokenDocument(call);
        assertEquals(2, readOut.getElementsByTagName("say-as").getLength(), call.heard());
        assertEquals(0, readOut.getElementsByTagName("break").getLength(), call.heard());
        assertTrue(readOut.getDocumentElement().getTextContent().startsWith(spoken(HOSTILE_NAME) + ". Your code is "),
                call.heard());
        assertEquals(List.of(totp(secondSecret, at), totp(secondSecret, at)), call.spokenCodes(), call.heard());
    }

    /** Markup, quotes, SSML that would end the speech or pause it, and a right-to-left override. */
    private static final String HOSTILE_ISSUER = "<img src=x onerror=\"window.pwned=1\">'\u202Eevil";
    private static final String HOSTILE_LABEL = "</speak><break time=\"10s\"/><script>window.pwned=2</script>";
    private static final String HOSTILE_NAME = "<say-as interpret-as='digits'>999999</say-as>\u202E&amp;";

    /** A name as the service speaks it: as typed, less its bidirectional controls (which have no sound). */
    private static String spoken(String name) {
        return name.replace("\u202E", "");
    }

    private static String keyUri(String issuer, String label, String secret) {
        var prefix = issuer == null ? "" : percent(issuer) + ":";
        return "otpauth://totp/" + prefix + percent(label) + "?secret=" + secret
                + (issuer == null ? "" : "&issuer=" + percent(issuer));
    }

    private static String percent(String text) {
        return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** An element's text exactly as the DOM holds it (WebDriver's getText normalises it). */
    private static String textOf(Browser browser, String css) {
        return textOf(browser, browser.find(css));
    }

    private static String textOf(Browser browser, WebElement element) {
        return (String) browser.driver.executeScript("return arguments[0].textContent", element);
    }

    /** No element came from a name, and no script from one ran (an onerror would have set the flag by now). */
    private static void assertNothingInjected(Browser browser) {
        assertTrue(browser.all("img[src='x'], script:not([src]), body break, body say-as").isEmpty(),
                "an element was made from a name");
        assertEquals(Boolean.TRUE, browser.driver.executeAsyncScript(
                "const done = arguments[arguments.length - 1]; setTimeout(() => done(window.pwned === undefined), 300);"),
                "a script from a name ran");
    }

    /** The last NCCO's question, its SSML parsed (the player has checked it is well-formed SSML). */
    private static org.w3c.dom.Document spokenDocument(VonagePlayer call) {
        var talks = call.ncco().stream().map(jakarta.json.JsonObject.class::cast)
                .filter(a -> a.getString("action").equals("talk")).map(a -> a.getString("text")).toList();
        return dev.landline.testkit.NccoRules.ssml(talks.get(0));
    }

    @Test
    void switchingToAnotherCallerDropsThePendingEnrolmentOfTheFirst() {
        var first = fixtures.caller("Ida", Fixtures.uniqueAccountNumber(), PIN);
        var second = fixtures.caller("Bea", Fixtures.uniqueAccountNumber(), PIN);
        var before = fixtures.counts().getInt("enrolment");
        try (var browser = Browser.open(base)) {
            browser.signInAndOpen(TestCredentials.ADMIN, "admin/enrol.html?caller=" + first);
            browser.textContaining("#caller", "Bea");
            browser.visible("#uri").sendKeys("otpauth://totp/GitHub:ida?secret=" + ReferenceOtp.RFC_SECRET);
            browser.find("#uri-button").click();
            browser.visible("#accounts .code");
            assertEquals(before + 1, fixtures.counts().getInt("enrolment"), "one enrolment is pending");
            new org.openqa.selenium.support.ui.Select(browser.find("#caller")).selectByValue(String.valueOf(second));
            browser.waitFor("the first caller's pending enrolment is dropped",
                    d -> fixtures.counts().getInt("enrolment") == before ? Boolean.TRUE : null);
        }
    }

    @Test
    void aCallerPageLinkWithAPathInsteadOfAnIdIsRefusedByThePage() {
        var callerId = fixtures.caller("Grace", Fixtures.uniqueAccountNumber(), PIN);
        var accountId = fixtures.account(callerId, "GitHub", "grace", ReferenceOtp.RFC_SECRET).getJsonNumber("id").longValue();
        try (var browser = Browser.open(base)) {
            // the id goes into the paths of the page's PUT and DELETE requests: only a number is used
            browser.signInAndOpen(TestCredentials.ADMIN, "admin/caller.html?id=" + callerId + "/accounts/" + accountId + "%3F");
            browser.textContaining("#message", "No caller chosen");
            assertTrue(browser.find("#unlock").getAttribute("hidden") != null
                    || !browser.find("#unlock").isDisplayed(), "nothing to click");
        }
        var accounts = Http.array(Http.admin("GET", base.resolve("api/callers/" + callerId + "/accounts"), null));
        assertEquals(1, accounts.size(), "the account is still there");
    }

    @Test
    void theCallersPageDeletesACallerAfterConfirmation() {
        var accountNumber = Fixtures.uniqueAccountNumber();
        var callerId = fixtures.caller("Temporary", accountNumber, PIN);
        try (var browser = Browser.open(base)) {
            browser.signInAndOpen(TestCredentials.ADMIN, "admin/index.html");
            browser.textContaining("#callers tbody", accountNumber);
            browser.find("#callers tr[data-caller-id='" + callerId + "'] button[data-action='delete']").click();
            browser.driver.switchTo().alert().accept();
            browser.textContaining("#message", "Temporary was deleted");
            browser.windowSize(390, 844);
            browser.screenshot("callers-on-a-phone-screen");
        }
        assertEquals(404, Http.admin("GET", base.resolve("api/callers/" + callerId), null).statusCode());
    }

    @Test
    void aCameraScanIsDecodedInTheBrowserAndOnlyTheUriIsSent() throws Exception {
        var at = earlyInAStep();
        fixtures.clockAt(at);
        var callerId = fixtures.caller("Camera", Fixtures.uniqueAccountNumber(), PIN);
        var video = fakeCamera("otpauth://totp/Camera%20Co:cam?secret=" + SCREENSHOT_SECRET + "&issuer=Camera%20Co");
        try (var browser = Browser.open(base, "--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream",
                "--use-file-for-fake-video-capture=" + video.toAbsolutePath())) {
            browser.signInAndOpen(TestCredentials.ADMIN, "admin/enrol.html?caller=" + callerId);
            browser.visible("#camera-start").click();
            var preview = browser.waitFor("the camera's QR code is previewed",
                    d -> d.findElements(By.cssSelector("#accounts .preview-account")).stream()
                            .filter(e -> e.getText().contains("Camera Co")).findFirst().orElse(null));
            assertEquals(totp(SCREENSHOT_SECRET, at), preview.findElement(By.cssSelector(".code")).getText());
            browser.screenshot("enrol-camera");
            browser.find("#discard").click();
            browser.textContaining("#message", "nothing was stored");
        }
        var accounts = Http.array(Http.admin("GET", base.resolve("api/callers/" + callerId + "/accounts"), null));
        assertTrue(accounts.isEmpty(), "discarded: " + accounts);
    }

    @Test
    void aCameraPhotoIsReadInTheBrowser() throws Exception {
        var at = earlyInAStep();
        fixtures.clockAt(at);
        var callerId = fixtures.caller("Photo", Fixtures.uniqueAccountNumber(), PIN);
        // a light-on-dark export code photographed on a desk (the photo corpus), which html5-qrcode 2.2.1 could not
        // read: the browser's decoder looks for inverted codes too
        var photo = PhonePhotos.sample(PhonePhotos.SEED, 9001, PhonePhotos.Condition.DARK_MODE, 1);
        var account = firstAccount(photo);
        var video = fakeCamera(ImageIO.read(new ByteArrayInputStream(photo.jpeg())));
        try (var browser = Browser.open(base, "--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream",
                "--use-file-for-fake-video-capture=" + video.toAbsolutePath())) {
            browser.signInAndOpen(TestCredentials.ADMIN, "admin/enrol.html?caller=" + callerId);
            browser.visible("#camera-start").click();
            var preview = browser.waitFor("the photo's QR code is previewed",
                    d -> d.findElements(By.cssSelector("#accounts .preview-account")).stream()
                            .filter(e -> e.getText().contains(account.getIssuer())).findFirst().orElse(null));
            assertEquals(ReferenceOtp.totp(account.getSecret().toByteArray(), at, 30, 6, "HmacSHA1"),
                    preview.findElement(By.cssSelector(".code")).getText());
            assertFalse(browser.find("#message").getText().contains("server"),
                    "read in the browser, not by the server: " + browser.find("#message").getText());
            assertTrue(browser.find("#camera-start").isDisplayed(), "the camera stopped");
            assertTrue(browser.all("#camera-view video").isEmpty(), "the camera view is gone");
            browser.screenshot("enrol-camera-photo");
            browser.find("#discard").click();
            browser.textContaining("#message", "nothing was stored");
        }
    }

    @Test
    void aCameraViewOfEveryCodeOfAnExportAddsThemAll() throws Exception {
        var at = earlyInAStep();
        fixtures.clockAt(at);
        var callerId = fixtures.caller("Screen", Fixtures.uniqueAccountNumber(), PIN);
        // a photo of a computer screen showing the two or three codes of one export (the photo corpus)
        var photo = PhonePhotos.sample(PhonePhotos.SEED, 9003, PhonePhotos.Condition.MULTI, 4);
        assertTrue(photo.texts().size() > 1, "several codes: " + photo);
        var video = fakeCamera(ImageIO.read(new ByteArrayInputStream(photo.jpeg())));
        try (var browser = Browser.open(base, "--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream",
                "--use-file-for-fake-video-capture=" + video.toAbsolutePath())) {
            browser.signInAndOpen(TestCredentials.ADMIN, "admin/enrol.html?caller=" + callerId);
            browser.visible("#camera-start").click();
            browser.textContaining("#batch", "the export is complete");
            var previewed = browser.all("#accounts .preview-account");
            assertEquals(4, previewed.size(), "every account of the export");
            for (var text : photo.texts()) {
                var payload = MigrationPayload.parseFrom(Base64.getDecoder().decode(
                        URLDecoder.decode(text.substring(text.indexOf("data=") + 5), StandardCharsets.UTF_8)));
                for (var account : payload.getOtpParametersList()) {
                    var code = ReferenceOtp.totp(account.getSecret().toByteArray(), at, 30, 6, "HmacSHA1");
                    assertTrue(previewed.stream().anyMatch(e -> e.getText().contains(account.getIssuer())
                            && e.findElement(By.cssSelector(".code")).getText().equals(code)),
                            account.getIssuer() + " is previewed with its code");
                }
            }
            assertFalse(browser.find("#save").getAttribute("disabled") != null, "the export can be saved");
            assertFalse(browser.find("#message").getText().contains("server"),
                    "read in the browser, not by the server: " + browser.find("#message").getText());
            browser.find("#discard").click();
            browser.textContaining("#message", "nothing was stored");
        }
    }

    @Test
    void whenTheBrowserCannotRunItsDecoderCameraFramesGoToTheServer() throws Exception {
        var at = earlyInAStep();
        fixtures.clockAt(at);
        var callerId = fixtures.caller("Frame", Fixtures.uniqueAccountNumber(), PIN);
        var photo = PhonePhotos.sample(PhonePhotos.SEED, 9002, PhonePhotos.Condition.DARK_MODE, 1);
        var account = firstAccount(photo);
        var video = fakeCamera(ImageIO.read(new ByteArrayInputStream(photo.jpeg())));
        try (var browser = Browser.open(base, "--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream",
                "--use-file-for-fake-video-capture=" + video.toAbsolutePath())) {
            // the decoder's WebAssembly cannot be loaded (as in a browser without WebAssembly)
            browser.block("*zxing_reader.wasm*");
            browser.signInAndOpen(TestCredentials.ADMIN, "admin/enrol.html?caller=" + callerId);
            browser.visible("#camera-start").click();
            browser.textContaining("#message", "cannot run the QR decoder");
            var view = browser.visible("#camera-view video");
            assertTrue(view.getSize().getWidth() <= browser.find("#camera-view").getSize().getWidth(),
                    "the camera's view fits its box");
            browser.screenshot("enrol-camera-scanning");
            var preview = browser.waitFor("the photo's QR code is previewed",
                    d -> d.findElements(By.cssSelector("#accounts .preview-account")).stream()
                            .filter(e -> e.getText().contains(account.getIssuer())).findFirst().orElse(null));
            assertEquals(ReferenceOtp.totp(account.getSecret().toByteArray(), at, 30, 6, "HmacSHA1"),
                    preview.findElement(By.cssSelector(".code")).getText());
            browser.textContaining("#message", "The server read the code in a camera frame");
            assertTrue(browser.find("#camera-start").isDisplayed(), "the camera stopped");
            browser.find("#discard").click();
            browser.textContaining("#message", "nothing was stored");
        }
    }

    /**
     * The camera page's decoder (admin/js/qr-reader.js, zxing-wasm) given the photo corpus in Chromium, one photo at
     * a time as the page's canvas would pass a frame: it reads every code the server's decoder reads in the same
     * photo, and never a text that is not in it. The rate goes to the output for docs/benchmarks.md; more of the
     * corpus with -Dlandline.browser.corpus.repetitions=4.
     */
    @Test
    void theCameraPagesDecoderReadsEveryCorpusPhotoTheServerReads() {
        var repetitions = Integer.getInteger("landline.browser.corpus.repetitions", 1);
        var corpus = PhonePhotos.corpus(PhonePhotos.SEED, repetitions);
        int serverRead = 0;
        int browserRead = 0;
        double browserMillis = 0;
        var missed = new java.util.ArrayList<String>();
        var perCondition = new java.util.TreeMap<String, int[]>();
        try (var browser = Browser.open(base)) {
            browser.signInAndOpen(TestCredentials.ADMIN, "admin/enrol.html");
            browser.visible("#camera-start");
            for (var sample : corpus) {
                List<String> byServer;
                try {
                    byServer = QrImages.readAll(sample.jpeg());
                } catch (EnrolmentRefused refused) {
                    byServer = List.of();
                }
                var result = readInThePage(browser, sample.jpeg());
                @SuppressWarnings("unchecked")
                var byBrowser = (List<String>) result.get("texts");
                browserMillis += ((Number) result.get("millis")).doubleValue();
                for (var text : byBrowser) {
                    assertTrue(sample.texts().contains(text), "a text not in " + sample + " was read");
                }
                var counts = perCondition.computeIfAbsent(sample.condition().name(), c -> new int[3]);
                counts[2]++;
                if (byBrowser.containsAll(sample.texts())) {
                    browserRead++;
                    counts[1]++;
                }
                if (!byServer.isEmpty() && byServer.containsAll(sample.texts())) {
                    serverRead++;
                    counts[0]++;
                }
                if (!byBrowser.containsAll(byServer)) {
                    missed.add(sample + ": the server read " + byServer.size() + ", the browser "
                            + byBrowser.size());
                }
            }
        }
        var rates = new StringBuilder();
        perCondition.forEach((condition, c) -> rates.append(String.format("%n  %-20s server %d/%d, browser %d/%d",
                condition, c[0], c[2], c[1], c[2])));
        System.out.printf("[BrowserIT] corpus of %d photos: the server read every code of %d, the page's decoder"
                + " (zxing-wasm) %d, %.0f ms a photo in the browser%s%n", corpus.size(), serverRead, browserRead,
                browserMillis / corpus.size(), rates);
        assertTrue(missed.isEmpty(), "the browser missed codes the server read: " + missed);
    }

    /** The texts the camera page's decoder reads in a JPEG drawn on a canvas, and how long it took. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> readInThePage(Browser browser, byte[] jpeg) {
        var result = (Map<String, Object>) browser.driver.executeAsyncScript("""
                const [jpeg, done] = arguments;
                import(new URL("js/qr-reader.js", location.href).href).then(async (decoder) => {
                  const image = new Image();
                  image.src = "data:image/jpeg;base64," + jpeg;
                  await image.decode();
                  const canvas = document.createElement("canvas");
                  canvas.width = image.naturalWidth;
                  canvas.height = image.naturalHeight;
                  const context = canvas.getContext("2d", { willReadFrequently: true });
                  context.drawImage(image, 0, 0);
                  const frame = context.getImageData(0, 0, canvas.width, canvas.height);
                  await decoder.prepare();
                  const started = performance.now();
                  const texts = await decoder.readQrCodes(frame);
                  done({ texts, millis: performance.now() - started });
                }).catch((error) => done({ error: String(error) }));
                """, Base64.getEncoder().encodeToString(jpeg));
        assertFalse(result.containsKey("error"), () -> "the page's decoder failed: " + result.get("error"));
        return result;
    }

    private static MigrationPayload.OtpParameters firstAccount(PhonePhotos.Sample photo) throws IOException {
        var text = photo.texts().get(0);
        var payload = MigrationPayload.parseFrom(Base64.getDecoder().decode(
                URLDecoder.decode(text.substring(text.indexOf("data=") + 5), StandardCharsets.UTF_8)));
        return payload.getOtpParameters(0);
    }

    @Test
    void thePagesNeedTheAdminRoleAndTheQrDecoderIsServedFromTheWar() {
        var page = base.resolve("admin/index.html");
        assertEquals(401, Http.send("GET", page, null, null, null).statusCode());
        assertEquals(403, Http.send("GET", page, null, null, TestCredentials.VIEWER).statusCode());
        var signedIn = Http.send("GET", page, null, null, TestCredentials.ADMIN);
        assertEquals(200, signedIn.statusCode());
        assertTrue(signedIn.body().contains("New caller"), signedIn.body());
        var folder = Http.send("GET", base.resolve("admin/"), null, null, TestCredentials.ADMIN);
        assertEquals(200, folder.statusCode());
        assertTrue(folder.body().contains("New caller"), "admin/ opens the callers page");
        var landing = Http.send("GET", base, null, null, null);
        assertEquals(200, landing.statusCode());
        assertTrue(landing.body().contains("admin/"), "the public root points to the pages");
        var decoder = base.resolve("admin/vendor/zxing-wasm/reader/zxing_reader.wasm");
        assertEquals(401, Http.send("GET", decoder, null, null, null).statusCode());
        var wasm = Http.send("GET", decoder, null, null, TestCredentials.ADMIN);
        assertEquals(200, wasm.statusCode());
        assertEquals("application/wasm", wasm.headers().firstValue("Content-Type").orElse("").split(";")[0].trim(),
                "browsers compile WebAssembly while it downloads only when it is served as such");
        assertTrue(wasm.body().startsWith("\0asm"), "a WebAssembly module");
        var module = Http.send("GET", base.resolve("admin/vendor/zxing-wasm/es/reader/index.js"), null, null,
                TestCredentials.ADMIN);
        assertEquals(200, module.statusCode());
        assertTrue(module.body().contains("readBarcodes"));
    }

    @Test
    void phoneSignaturesAreAdminOnlyAndEachCoversOneWebhookForAMinute() {
        var phone = Fixtures.uniquePhone();
        var callerId = fixtures.caller("Signed", Fixtures.uniqueAccountNumber(), PIN, "+" + phone);
        fixtures.account(callerId, "GitHub", "signed", ReferenceOtp.RFC_SECRET);
        var at = earlyInAStep();
        fixtures.clockAt(at);
        var call = "browser-" + java.util.UUID.randomUUID();
        var query = "uuid=" + call + "&conversation_uuid=CON-" + call + "&from=" + phone + "&to=442079460000";
        var request = "{\"method\":\"GET\",\"query\":\"" + query + "\"}";
        var signatures = base.resolve("api/phone/signatures");
        assertEquals(403, Http.send("POST", signatures, "application/json", request, TestCredentials.VIEWER).statusCode());
        assertEquals(401, Http.send("POST", signatures, "application/json", request, null).statusCode());

        var signature = Http.object(Http.send("POST", signatures, "application/json", request, TestCredentials.ADMIN));
        assertTrue(signature.getBoolean("signed"), signature.toString());
        var authorization = signature.getString("authorization");
        var answer = base.resolve("webhooks/answer?" + query);
        assertEquals(200, Http.send("GET", answer, null, null, null, authorization).statusCode());

        var otherQuery = base.resolve("webhooks/answer?" + query.replace(call, call + "x"));
        assertEquals(403, Http.send("GET", otherQuery, null, null, null, authorization).statusCode(),
                "a token covers only the payload it was made for");
        fixtures.clockAt(at.plusSeconds(95));
        assertEquals(403, Http.send("GET", answer, null, null, null, authorization).statusCode(),
                "a token expires after a minute (and 30 s of leeway)");

        var bad = Http.send("POST", signatures, "application/json", "{\"method\":\"PUT\"}", TestCredentials.ADMIN);
        assertEquals(400, bad.statusCode(), bad.body());
        var noBody = Http.send("POST", signatures, "application/json", "{\"method\":\"POST\"}", TestCredentials.ADMIN);
        assertEquals(400, noBody.statusCode(), noBody.body());

        var form = "CallSid=CA" + "0".repeat(32) + "&From=%2B" + phone + "&To=%2B442079460000";
        var twilio = Http.object(Http.send("POST", signatures, "application/json", "{\"provider\":\"twilio\","
                + "\"method\":\"POST\",\"path\":\"webhooks/twilio/voice\",\"body\":\"" + form + "\"}",
                TestCredentials.ADMIN));
        assertTrue(twilio.getBoolean("signed"), twilio.toString());
        assertEquals(WebhookSigner.twilio(TestCredentials.TWILIO_AUTH_TOKEN, base.resolve("webhooks/twilio/voice")
                .toString(), Map.of("CallSid", "CA" + "0".repeat(32), "From", "+" + phone, "To", "+442079460000")),
                twilio.getString("twilioSignature"), "what Twilio would send for this server's own Voice URL");
        assertFalse(twilio.containsKey("authorization") || twilio.containsKey("expiresAt"), twilio.toString());
        for (var refused : List.of(
                "{\"provider\":\"twilio\",\"method\":\"POST\",\"path\":\"webhooks/answer\",\"body\":\"a=1\"}",
                "{\"provider\":\"twilio\",\"method\":\"POST\",\"path\":\"webhooks/twilio/../answer\",\"body\":\"a=1\"}",
                "{\"provider\":\"twilio\",\"method\":\"POST\",\"path\":\"webhooks/twilio/voice\",\"body\":\"a=1&a=2\"}",
                "{\"provider\":\"twilio\",\"method\":\"POST\",\"body\":\"a=1\"}",
                "{\"provider\":\"plivo\",\"method\":\"POST\",\"body\":\"a=1\"}")) {
            var response = Http.send("POST", signatures, "application/json", refused, TestCredentials.ADMIN);
            Http.assertProblem(400, response);
        }
    }

    private static List<String> issuers(Browser browser) {
        return browser.all("#accounts tbody tr td:nth-child(2)").stream().map(WebElement::getText).toList();
    }

    private long callerIdOf(Browser browser, String accountNumber) {
        var callers = Http.array(Http.admin("GET", base.resolve("api/callers"), null));
        return callers.stream().map(c -> c.asJsonObject())
                .filter(c -> c.getString("accountNumber").equals(accountNumber)).findFirst()
                .orElseThrow(() -> new AssertionError("the caller created in the browser is stored"))
                .getJsonNumber("id").longValue();
    }

    /**
     * Waits until the phone listens (the NCCO that answered the last keys has arrived: keys sent are followed by
     * "Sending…" at once), then clicks the dial pad's keys one by one.
     */
    private static void press(Browser browser, String keys) {
        browser.textContaining("#call-state", "Listening");
        for (var key : keys.toCharArray()) {
            browser.find("#pad button[data-key='" + key + "']").click();
        }
    }

    private static BitMatrix qr(String text, int size) throws WriterException {
        return new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, size, size, Map.of(EncodeHintType.MARGIN, 2));
    }

    /** A 1200×800 "screenshot": a title bar, some text and the QR code in a corner, as a PNG file. */
    private static Path screenshotWithQr(String uri) throws WriterException, IOException {
        var image = new BufferedImage(1200, 800, BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        g.setColor(new Color(0xf3f5f8));
        g.fillRect(0, 0, 1200, 800);
        g.setColor(new Color(0x1d2430));
        g.fillRect(0, 0, 1200, 60);
        g.setColor(Color.DARK_GRAY);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 22));
        g.drawString("Two-factor authentication: scan this code with your authenticator app", 40, 140);
        var matrix = qr(uri, 260);
        g.setColor(Color.WHITE);
        g.fillRect(820, 400, 300, 300);
        g.setColor(Color.BLACK);
        for (int y = 0; y < matrix.getHeight(); y++) {
            for (int x = 0; x < matrix.getWidth(); x++) {
                if (matrix.get(x, y)) {
                    g.fillRect(840 + x, 420 + y, 1, 1);
                }
            }
        }
        g.dispose();
        var file = Files.createTempFile("landline-qr-screenshot-", ".png");
        ImageIO.write(image, "png", file.toFile());
        file.toFile().deleteOnExit();
        return file;
    }

    /** A screenshot with no QR code in it, as a PNG file. */
    private static Path imageWithoutQr() throws IOException {
        var image = new BufferedImage(400, 300, BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 400, 300);
        g.setColor(Color.BLACK);
        g.drawString("no QR code here", 40, 150);
        g.dispose();
        var file = Files.createTempFile("landline-no-qr-", ".png");
        ImageIO.write(image, "png", file.toFile());
        file.toFile().deleteOnExit();
        return file;
    }

    /** A Y4M video (what Chromium's fake camera plays) of a QR code held steady in front of the camera. */
    private static Path fakeCamera(String uri) throws WriterException {
        int width = 640;
        int height = 480;
        var matrix = qr(uri, 360);
        var frame = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        int left = (width - matrix.getWidth()) / 2;
        int top = (height - matrix.getHeight()) / 2;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                boolean dark = x >= left && y >= top && x < left + matrix.getWidth() && y < top + matrix.getHeight()
                        && matrix.get(x - left, y - top);
                frame.setRGB(x, y, dark ? 0x101010 : 0xEBEBEB);
            }
        }
        return y4m(frame);
    }

    /** A Y4M video of a photo held steady in front of the camera, letterboxed into 1280 × 960. */
    private static Path fakeCamera(BufferedImage photo) {
        int width = 1280;
        int height = 960;
        var frame = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        var g = frame.createGraphics();
        g.setColor(new Color(0x404040));
        g.fillRect(0, 0, width, height);
        double scale = Math.min((double) width / photo.getWidth(), (double) height / photo.getHeight());
        int w = (int) (photo.getWidth() * scale);
        int h = (int) (photo.getHeight() * scale);
        g.setRenderingHint(java.awt.RenderingHints.KEY_INTERPOLATION,
                java.awt.RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(photo, (width - w) / 2, (height - h) / 2, w, h, null);
        g.dispose();
        return y4m(frame);
    }

    /** Ten frames of the picture as a Y4M file (YUV 4:2:0, BT.601 full range), what the fake camera plays. */
    private static Path y4m(BufferedImage frame) {
        int width = frame.getWidth();
        int height = frame.getHeight();
        var luma = new byte[width * height];
        var u = new byte[(width / 2) * (height / 2)];
        var v = new byte[(width / 2) * (height / 2)];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int rgb = frame.getRGB(x, y);
                int r = (rgb >> 16) & 0xFF;
                int g = (rgb >> 8) & 0xFF;
                int b = rgb & 0xFF;
                luma[y * width + x] = (byte) Math.round(0.299 * r + 0.587 * g + 0.114 * b);
                if (x % 2 == 0 && y % 2 == 0) {
                    int i = (y / 2) * (width / 2) + x / 2;
                    u[i] = (byte) Math.max(0, Math.min(255, Math.round(128 - 0.1687 * r - 0.3313 * g + 0.5 * b)));
                    v[i] = (byte) Math.max(0, Math.min(255, Math.round(128 + 0.5 * r - 0.4187 * g - 0.0813 * b)));
                }
            }
        }
        try {
            var file = Files.createTempFile("landline-fake-camera-", ".y4m");
            file.toFile().deleteOnExit();
            try (OutputStream out = Files.newOutputStream(file)) {
                out.write(("YUV4MPEG2 W" + width + " H" + height + " F10:1 Ip A1:1 C420jpeg\n").getBytes());
                for (int n = 0; n < 10; n++) {
                    out.write("FRAME\n".getBytes());
                    out.write(luma);
                    out.write(u);
                    out.write(v);
                }
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
