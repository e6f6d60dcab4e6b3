package org.thywill.testing;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Chromium driven through Debian's chromedriver (nothing is downloaded), with a fresh profile, for
 * tests that load Thywill pages as a person would. Paths come from {@code THYWILL_CHROMIUM} and
 * {@code THYWILL_CHROMEDRIVER}, defaulting to {@code /usr/bin/chromium} and {@code /usr/bin/chromedriver}.
 */
public final class Browser implements AutoCloseable {

    private static final Duration WAIT = Duration.ofSeconds(15);
    private final ChromeDriver driver;
    private final Path profile;

    private Browser(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    /** @return a new headless browser with an empty profile */
    public static Browser open() {
        return open(true);
    }

    /**
     * @return a new headless browser with an empty profile that runs no page's JavaScript, to check what a page
     *         shows to a reader with JavaScript off (or before its scripts run)
     */
    public static Browser withoutJavaScript() {
        return open(false);
    }

    /**
     * Opens a browser on a page and waits until its Thywill connection is up and {@code ready} holds, closing the
     * browser again when either never happens, so that a failed set-up leaves no Chromium behind.
     *
     * @param page the page's address
     * @param ready what the page must show besides, such as its data loaded
     * @return the browser, on the page
     */
    public static Browser openConnected(URI page, Function<WebDriver, Boolean> ready) {
        Browser browser = open();
        try {
            browser.load(page).waitUntilConnected();
            browser.waitFor(ready);
            return browser;
        } catch (RuntimeException | AssertionError e) {
            browser.close();
            throw e;
        }
    }

    /**
     * @param page the page's address
     * @return a browser on the page once its Thywill connection is up; see {@link #openConnected(URI, Function)}
     */
    public static Browser openConnected(URI page) {
        return openConnected(page, d -> true);
    }

    private static Browser open(boolean javaScript) {
        String chromium = System.getenv().getOrDefault("THYWILL_CHROMIUM", "/usr/bin/chromium");
        String chromedriver = System.getenv().getOrDefault("THYWILL_CHROMEDRIVER", "/usr/bin/chromedriver");
        if (!Files.isExecutable(Path.of(chromium)) || !Files.isExecutable(Path.of(chromedriver))) {
            throw new IllegalStateException("Browser tests need Chromium and its driver at " + chromium + " and "
                    + chromedriver + ": install Debian's chromium and chromium-driver (.ci/run does), or set"
                    + " THYWILL_CHROMIUM and THYWILL_CHROMEDRIVER.");
        }
        try {
            Path profile = Files.createTempDirectory("thywill-chromium-");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(chromium);
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic",
                    "--no-first-run", "--disable-background-networking", "--disable-component-update",
                    "--disable-sync", "--disable-dev-shm-usage", "--window-size=1200,900",
                    "--user-data-dir=" + profile);
            if (!javaScript) {
                options.setExperimentalOption("prefs", Map.of("profile.managed_default_content_settings.javascript",
                        2));
            }
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(Path.of(chromedriver).toFile())
                    .usingAnyFreePort()
                    .build();
            return new Browser(new ChromeDriver(service, options), profile);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Runs a script in every page this browser loads from now on, before the page's own scripts (Chromium's
     * {@code Page.addScriptToEvaluateOnNewDocument}): to watch a page from its very start, such as what it removes.
     *
     * @param script JavaScript
     * @return this
     */
    public Browser onEveryPage(String script) {
        driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", script));
        return this;
    }

    /**
     * @param page the address to load
     * @return this
     */
    public Browser load(URI page) {
        driver.get(page.toString());
        return this;
    }

    /**
     * @param script JavaScript run in the page, as the body of a function
     * @return what it returns (numbers as Long or Double, arrays as List, objects as Map)
     */
    public Object executeScript(String script) {
        return driver.executeScript(script);
    }

    /** @return the driver, for anything this class does not wrap */
    public WebDriver driver() {
        return driver;
    }

    /**
     * @param css a CSS selector
     * @return the first matching element, waiting for it to appear
     */
    public WebElement find(String css) {
        return waitFor(d -> d.findElement(By.cssSelector(css)));
    }

    /**
     * Waits until the condition returns a non-null, non-false value.
     *
     * @param condition the condition
     * @param <T> its result
     * @return the result
     */
    public <T> T waitFor(Function<WebDriver, T> condition) {
        // A live page replaces elements while the condition reads them: a stale one means "not yet", as a
        // missing one does.
        return new WebDriverWait(driver, WAIT).ignoring(org.openqa.selenium.NoSuchElementException.class)
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(condition::apply);
    }

    /** Waits until the page's Thywill connection is up. */
    public void waitUntilConnected() {
        waitFor(d -> Boolean.TRUE.equals(driver.executeScript(
                "return !!(window.thywill && window.thywill.state === 'connected')")));
    }

    /**
     * @param file where to write a PNG of the page as it looks now
     * @return the file
     */
    public Path screenshot(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException ignored) {
                // a leftover temporary profile is harmless
            }
        }
    }
}
