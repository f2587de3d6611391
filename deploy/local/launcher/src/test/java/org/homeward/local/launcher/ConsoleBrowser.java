package org.homeward.local.launcher;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;

/**
 * Headless Chromium driven by Selenium's classic WebDriver, on the console of a running platform. Debian's
 * Chromium and its driver are named explicitly: Selenium Manager cannot download a browser here, and as
 * root Chromium runs only without its sandbox. The flags that keep it off the network are the ones this
 * machine's closed network needs (it would otherwise try Google's hosts at every start).
 */
final class ConsoleBrowser implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private final String baseUrl;
    private final Path screenshots;
    private final WebDriver driver;

    ConsoleBrowser(String baseUrl, Path screenshots, Path profile) {
        this.baseUrl = baseUrl;
        this.screenshots = screenshots;
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1280,1000", "--lang=en-GB", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        this.driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    }

    static boolean installed() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    }

    WebDriver driver() {
        return driver;
    }

    void open(String path) {
        driver.get(baseUrl + path);
    }

    /** Signs in on the local sign-in page as a person of an organisation, with the given roles. */
    void signIn(String subject, String organisation, String party, String... roles) {
        open("/sign-in");
        driver.findElement(By.id("subject")).sendKeys(subject);
        driver.findElement(By.id("organisation")).sendKeys(organisation);
        new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("party"))).selectByValue(party == null ? "" : party);
        for (String role : roles) {
            driver.findElement(By.id("role-" + role)).click();
        }
        driver.findElement(By.id("sign-in")).click();
        waitFor(By.cssSelector(".who"));
    }

    void signOut() {
        driver.findElement(By.xpath("//form[@action='/sign-out']/button")).click();
        waitFor(By.id("sign-in"));
    }

    WebElement waitFor(By locator) {
        return new WebDriverWait(driver, Duration.ofSeconds(30)).until(ExpectedConditions.visibilityOfElementLocated(locator));
    }

    String text(By locator) {
        return driver.findElement(locator).getText();
    }

    String bodyText() {
        return text(By.tagName("body"));
    }

    Path screenshot(String name) {
        try {
            Files.createDirectories(screenshots);
            File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
            Path target = screenshots.resolve(name + ".png");
            Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The page's accessibility violations that axe-core rates serious or critical, as "rule: help (n nodes)". */
    List<String> seriousAccessibilityViolations() {
        Results results = new AxeBuilder().analyze(driver);
        return results.getViolations().stream()
                .filter(rule -> "serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact()))
                .map(ConsoleBrowser::describe).toList();
    }

    private static String describe(Rule rule) {
        return rule.getId() + ": " + rule.getHelp() + " (" + rule.getNodes().size() + " nodes, e.g. "
                + (rule.getNodes().isEmpty() ? "" : rule.getNodes().get(0).getHtml()) + ")";
    }

    @Override
    public void close() {
        driver.quit();
    }
}
