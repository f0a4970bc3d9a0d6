package dev.landline.it;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven by Selenium through Debian's chromedriver, both named explicitly so that
 * Selenium Manager never looks for (or downloads) a browser or driver. Without them the test is skipped, unless
 * {@code -Dlandline.require.chromium=true} (CI) turns that into a failure. Signs in with HTTP BASIC credentials in
 * the first URL; the browser then holds the sign-in for the realm like any signed-in administrator's browser.
 */
final class Browser implements AutoCloseable {

    static final String REQUIRED = "landline.require.chromium";
    static final Path CHROMIUM = Path.of(System.getProperty("landline.chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("landline.chromedriver", "/usr/bin/chromedriver"));
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    final ChromeDriver driver;
    private final Path profile;
    private final URI base;

    private Browser(ChromeDriver driver, Path profile, URI base) {
        this.driver = driver;
        this.profile = profile;
        this.base = base;
    }

    /** Skips the calling test (or fails it, when Chromium is required) if Chromium or chromedriver is missing. */
    static void assumeChromium() {
        var missing = new ArrayList<String>();
        if (!Files.isExecutable(CHROMIUM)) {
            missing.add(CHROMIUM.toString());
        }
        if (!Files.isExecutable(CHROMEDRIVER)) {
            missing.add(CHROMEDRIVER.toString());
        }
        if (missing.isEmpty()) {
            return;
        }
        var why = "browser tests need Debian's chromium and chromium-driver (apt-get install chromium chromium-driver);"
                + " missing: " + String.join(", ", missing);
        if (Boolean.getBoolean(REQUIRED)) {
            fail(why + " (and -D" + REQUIRED + "=true)");
        }
        Assumptions.assumeTrue(false, why);
    }

    static Browser open(URI base, String... extraArguments) {
        assumeChromium();
        try {
            var profile = Files.createTempDirectory("landline-chromium-");
            var options = new ChromeOptions();
            options.setBinary(CHROMIUM.toFile());
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic",
                    "--no-first-run", "--disable-background-networking", "--disable-component-update",
                    "--disable-sync", "--disable-dev-shm-usage", "--user-data-dir=" + profile,
                    "--window-size=1280,1000", "--lang=en-GB");
            options.addArguments(extraArguments);
            var service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                    .usingAnyFreePort().build();
            var driver = new ChromeDriver(service, options);
            driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
            return new Browser(driver, profile, base);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Opens a page of the front end, signing in with the given "user:password" on the way. */
    Browser signInAndOpen(String credentials, String page) {
        var signedIn = base.getScheme() + "://" + credentials + "@" + base.getAuthority() + base.getPath() + page;
        driver.get(signedIn);
        return this;
    }

    Browser open(String page) {
        driver.get(base.resolve(page).toString());
        return this;
    }

    /**
     * Makes every later request whose URL matches one of the patterns ({@code *} a wildcard) fail as a network error
     * does, as when a script of the page cannot be loaded.
     */
    Browser block(String... urlPatterns) {
        driver.executeCdpCommand("Network.enable", Map.of());
        driver.executeCdpCommand("Network.setBlockedURLs", Map.of("urls", List.of(urlPatterns)));
        return this;
    }

    WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    <T> T waitFor(String what, Function<WebDriver, T> condition) {
        try {
            return new WebDriverWait(driver, Duration.ofSeconds(20)).withMessage(what).until(condition);
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError(what + "; page text: " + driver.findElement(By.tagName("body")).getText(), e);
        }
    }

    /** Waits for an element matching css that is displayed. */
    WebElement visible(String css) {
        return waitFor(css + " is shown", d -> d.findElements(By.cssSelector(css)).stream()
                .filter(WebElement::isDisplayed).findFirst().orElse(null));
    }

    /** Waits until the element's text contains the given text, and returns the whole text. */
    String textContaining(String css, String text) {
        return waitFor(css + " says \"" + text + "\"", d -> d.findElements(By.cssSelector(css)).stream()
                .map(WebElement::getText).filter(t -> t.contains(text)).findFirst().orElse(null));
    }

    void windowSize(int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
    }

    /** Saves a PNG of the whole page (the window grown to its height for a moment) into target/screenshots. */
    void screenshot(String name) {
        var window = driver.manage().window();
        var size = window.getSize();
        try {
            Files.createDirectories(SCREENSHOTS);
            var height = ((Number) driver.executeScript("return document.documentElement.scrollHeight")).intValue();
            window.setSize(new Dimension(size.getWidth(), Math.min(Math.max(height + 140, size.getHeight()), 4000)));
            var file = driver.getScreenshotAs(OutputType.FILE).toPath();
            Files.copy(file, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            window.setSize(size);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (var files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException ignored) {
                // a temporary profile left behind is harmless
            }
        }
    }
}
