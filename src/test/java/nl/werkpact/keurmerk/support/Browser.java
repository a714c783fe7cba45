package nl.werkpact.keurmerk.support;

import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.ElementClickInterceptedException;
import org.openqa.selenium.ElementNotInteractableException;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Debian Chromium driven by Selenium, with the machine's chromium and chromedriver only:
 * nothing is downloaded. Where they are missing the test is skipped with a message, except in CI
 * (CI=true), where a skipped browser test would hide a broken install step, so it fails.
 */
public final class Browser implements AutoCloseable {

  public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

  public final WebDriver driver;
  private final Path userDataDir;

  private Browser(WebDriver driver, Path userDataDir) {
    this.driver = driver;
    this.userDataDir = userDataDir;
  }

  public static Browser start() throws Exception {
    boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    String message =
        "Browser test needs Debian's chromium and chromium-driver ("
            + CHROMIUM
            + ", "
            + CHROMEDRIVER
            + "): apt-get install chromium chromium-driver";
    if (!present && "true".equalsIgnoreCase(System.getenv("CI"))) {
      Assertions.fail(message);
    }
    Assumptions.assumeTrue(present, message);

    Path userDataDir = Files.createTempDirectory("chromium-profile");
    var options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-quic",
        "--no-first-run",
        "--window-size=1400,1000",
        "--lang=nl-NL",
        "--user-data-dir=" + userDataDir);
    // Dutch users' browsers ask for Dutch; Tasklist picks its language from this.
    options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "nl-NL,nl"));
    var service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(CHROMEDRIVER.toFile())
            .usingAnyFreePort()
            .build();
    return new Browser(new ChromeDriver(service, options), userDataDir);
  }

  public WebElement waitFor(By by) {
    return new WebDriverWait(driver, Duration.ofSeconds(30))
        .until(ExpectedConditions.visibilityOfElementLocated(by));
  }

  /**
   * Clicks the element as it is when the click lands: Tasklist re-renders lists and forms when data comes back, so an
   * element found a moment ago may be gone (stale) or covered; the element is looked up again until a click succeeds.
   * Scrolls it to the middle of the window first: Tasklist's fixed footer covers the bottom.
   */
  public void click(By by) {
    new WebDriverWait(driver, Duration.ofSeconds(30))
        .ignoring(StaleElementReferenceException.class)
        .ignoring(ElementClickInterceptedException.class)
        .ignoring(ElementNotInteractableException.class)
        .until(
            d -> {
              WebElement element = d.findElement(by);
              if (!element.isDisplayed() || !element.isEnabled()) {
                return false;
              }
              ((JavascriptExecutor) d)
                  .executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
              element.click();
              return true;
            });
  }

  /**
   * Logs in to a Camunda webapp (tasklist, cockpit, admin) through its own login page, which is Dutch and shows no
   * end-of-life banner, and waits until the login is done: the app's own staff pages use the same session.
   */
  public void logIn(String baseUrl, String app, String user, String password) {
    driver.get(baseUrl + "/camunda/app/" + app + "/default/");
    waitFor(By.xpath("//button[normalize-space()='Aanmelden']"));
    Assertions.assertTrue(
        driver.findElements(By.cssSelector(".ce-eol-banner")).stream()
            .noneMatch(WebElement::isDisplayed),
        "Camunda's end-of-life banner is shown on the login page");
    waitFor(By.cssSelector("input[ng-model='username']")).sendKeys(user);
    driver.findElement(By.cssSelector("input[ng-model='password']")).sendKeys(password);
    driver.findElement(By.cssSelector("button[type='submit']")).click();
    new WebDriverWait(driver, Duration.ofSeconds(60))
        .until(
            ExpectedConditions.invisibilityOfElementLocated(
                By.cssSelector("input[ng-model='password']")));
  }

  /**
   * Signs in on the app's own login page ({@code /aanmelden}), which a staff page sends a visitor to without a session:
   * for roles without a Camunda webapp (the national role), and to test that page itself.
   */
  public void signInOnAppPage(String user, String password) {
    waitFor(By.id("gebruiker")).sendKeys(user);
    driver.findElement(By.id("wachtwoord")).sendKeys(password);
    click(By.cssSelector("main form button[type='submit']"));
  }

  /** What axe-core finds against WCAG 2.1 A and AA on the page now open; empty when nothing. */
  public List<String> wcagViolations() {
    var results =
        new AxeBuilder()
            .withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa"))
            .analyze(driver);
    if (results.isErrored()) {
      return List.of("axe failed: " + results.getErrorMessage());
    }
    return results.getViolations().stream()
        .map(
            v ->
                v.getId()
                    + " ("
                    + v.getImpact()
                    + "): "
                    + v.getHelp()
                    + " at "
                    + v.getNodes().stream()
                        .map(node -> String.valueOf(node.getTarget()))
                        .collect(java.util.stream.Collectors.joining(", ")))
        .toList();
  }

  public void screenshot(String name) {
    try {
      File file = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
      Path target = Path.of("target", "browser", name + ".png");
      Files.createDirectories(target.getParent());
      Files.copy(file.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
      Files.writeString(target.resolveSibling(name + ".html"), driver.getPageSource());
    } catch (Exception ignored) {
      // a screenshot is a diagnostic aid only
    }
  }

  @Override
  public void close() {
    driver.quit();
    try (var files = Files.walk(userDataDir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (Exception ignored) {
      // temporary profile; the OS cleans up what is left
    }
  }
}
