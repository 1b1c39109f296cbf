package com.healthplan.va.journey;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through its own ChromeDriver (both paths given, so Selenium never tries to
 * download a browser), with helpers to fill Camunda Forms the way a person does. Screenshots go to
 * {@code target/journeys/}.
 */
final class Browser implements AutoCloseable {

  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  static final Path SHOTS = Path.of("target", "journeys");

  final WebDriver driver;
  private final WebDriverWait wait;

  private Browser(WebDriver driver) {
    this.driver = driver;
    // an element Angular redraws meanwhile is looked up again
    this.wait = (WebDriverWait) new WebDriverWait(driver, Duration.ofSeconds(30))
        .ignoring(StaleElementReferenceException.class);
  }

  /** Skips when no Chromium is installed, unless CI demands the browser tests (VA_BROWSER_TESTS_REQUIRED). */
  static Browser open() {
    boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    if (!installed && "true".equals(System.getenv("VA_BROWSER_TESTS_REQUIRED"))) {
      throw new IllegalStateException("Chromium and ChromeDriver are required (apt install chromium chromium-driver)");
    }
    assumeTrue(installed, "Chromium is not installed: browser journeys skipped");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
        "--window-size=1400,1800", "--lang=en-US");
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
    return new Browser(new ChromeDriver(service, options));
  }

  void go(String url) {
    driver.get(url);
  }

  <T> T waitFor(Function<WebDriver, T> condition) {
    return wait.until(condition);
  }

  WebElement visible(By by) {
    return wait.until(d -> d.findElements(by).stream().filter(WebElement::isDisplayed).findFirst().orElse(null));
  }

  void click(By by) {
    WebElement element = visible(by);
    ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
    wait.until(d -> {
      try {
        element.click();
        return true;
      } catch (org.openqa.selenium.WebDriverException notYet) {
        return false;
      }
    });
  }

  /** The input of a form-js component: its DOM id ends with the component id (plus a suffix for some types). */
  By field(String componentId, String suffix) {
    return By.cssSelector("[id^='fjs-form-'][id$='-" + componentId + suffix + "']");
  }

  /** Types into a field, again if the form re-rendered it meanwhile (a field that has just appeared). */
  void type(String componentId, String text) {
    wait.until(d -> {
      WebElement input = visible(field(componentId, ""));
      if (text.equals(input.getDomProperty("value"))) {
        return true; // still there when looked up afresh
      }
      input.clear();
      input.sendKeys(text);
      return false;
    });
  }

  /** A date field shows the browser's format (en-US: mm/dd/yyyy) and submits yyyy-MM-dd. */
  void date(String componentId, String isoDate) {
    String[] ymd = isoDate.split("-");
    WebElement input = visible(field(componentId, "-date"));
    input.click();
    input.sendKeys(ymd[1] + "/" + ymd[2] + "/" + ymd[0]);
    input.sendKeys(org.openqa.selenium.Keys.TAB);
  }

  /** Picks the n-th option (0-based, in the form's order) of a radio group. */
  void radio(String componentId, int option) {
    By radio = field(componentId, "-" + option);
    wait.until(d -> {
      WebElement input = visible(radio);
      ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'}); arguments[0].click()", input);
      return input.isSelected();
    });
  }

  /** Types into a taglist and picks the offered option with exactly that label. */
  void tags(String componentId, List<String> labels) {
    for (String label : labels) {
      WebElement input = visible(field(componentId, ""));
      input.click();
      input.sendKeys(label);
      click(By.xpath("//*[contains(@class,'fjs-dropdownlist-item')][normalize-space(.)='" + label + "']"));
    }
    driver.findElement(By.tagName("body")).click();
  }

  /** The text of an element, scrolled into view so that the next screenshot shows it. */
  String text(By by) {
    WebElement element = visible(by);
    ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
    return element.getText();
  }

  /** What a field holds (a read-only input shows its value, not text). */
  String value(String componentId) {
    return visible(field(componentId, "")).getDomProperty("value");
  }

  void screenshot(String name) {
    try {
      Files.createDirectories(SHOTS);
      Path shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
      Files.copy(shot, SHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    driver.quit();
  }
}
