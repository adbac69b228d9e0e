package org.hybridonboarding.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.hybridonboarding.DemoIntegrationTest;
import org.hybridonboarding.simulation.SimulatorControls;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
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
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What people do in the webapps, in a real Chromium: the hire's manager signs in with her
 * directory account and approves through the Camunda Form in Tasklist, the operator answers a licence failure by choosing another SKU, the admin
 * finds the instance in Cockpit. Screenshots go to target/screenshots.
 */
class TasklistBrowserIT extends DemoIntegrationTest {

  @Autowired
  SimulatorControls simulator;

  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  static final Path SCREENSHOTS = Path.of("target", "screenshots");

  @Autowired
  org.camunda.bpm.engine.RepositoryService repository;

  @BeforeAll
  static void requireChromium() throws IOException {
    if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
      String message = "No Chromium: install Debian's chromium and chromium-driver to run the browser test";
      if (Boolean.parseBoolean(System.getenv("BROWSER_REQUIRED"))) {
        throw new IllegalStateException(message + " (BROWSER_REQUIRED=true)");
      }
      LoggerFactory.getLogger(TasklistBrowserIT.class).warn("SKIPPED: {}", message);
      Assumptions.abort(message);
    }
    Files.createDirectories(SCREENSHOTS);
  }

  private WebDriver browser() {
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
        "--window-size=1400,2400");
    // The driver is given: nothing is downloaded. Each browser has its own (quit() stops it).
    return new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
        .usingAnyFreePort().build(), options);
  }

  private void login(WebDriver browser, String app, String user) {
    browser.get("http://localhost:" + port + "/camunda/app/" + app + "/");
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[ng-model='username']"))).sendKeys(user);
    browser.findElement(By.cssSelector("input[ng-model='password']")).sendKeys(user);
    browser.findElement(By.cssSelector("button[type='submit']")).click();
  }

  private void openTask(WebDriver browser, String name) {
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//*[contains(@class,'task')]//*[normalize-space()='" + name + "']"))).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".fjs-form")));
    for (WebElement claim : browser.findElements(By.xpath("//button[normalize-space()='Claim']"))) {
      claim.click();
    }
    wait.until(ExpectedConditions.presenceOfElementLocated(By.xpath("//button[normalize-space()='Complete']")));
  }

  private void complete(WebDriver browser) {
    click(browser, browser.findElement(By.xpath("//button[normalize-space()='Complete']")));
  }

  /** Tasklist's footer covers the bottom of a long form: bring the element to the middle first. */
  private static void click(WebDriver browser, WebElement element) {
    ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
    new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.elementToBeClickable(element));
    try {
      element.click();
    } catch (org.openqa.selenium.ElementClickInterceptedException covered) {
      ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("arguments[0].click();", element);
    }
  }

  private static void screenshot(WebDriver browser, String name) throws IOException {
    Files.write(SCREENSHOTS.resolve(name), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
  }

  @Test
  void approveThenChooseAnotherSkuThenFindItInCockpit() throws Exception {
    simulator.useUpSeats("ENTERPRISEPACK");
    startOnboarding(request("W00001", "Wanda", "Webapp", ",\"licenseSku\":\"ENTERPRISEPACK\""));
    awaitApprovalTask("W00001");

    // The hire's manager approves: Megan Bowen signs in with her directory account and finds the
    // task under "My approvals".
    WebDriver approver = browser();
    try {
      login(approver, "tasklist", "megan.bowen");
      new WebDriverWait(approver, Duration.ofSeconds(30)).until(ExpectedConditions.presenceOfElementLocated(
          By.xpath("//*[contains(@class,'filter')]//*[contains(normalize-space(),'My approvals')]")));
      screenshot(approver, "00-tasklist-my-approvals.png");
      openTask(approver, "Approve onboarding");
      click(approver, approver.findElement(By.xpath("//label[normalize-space()='Approve this onboarding']")));
      approver.findElement(By.cssSelector(".fjs-form textarea:not([disabled])")).sendKeys("Welcome, Wanda");
      screenshot(approver, "01-tasklist-approval-form.png");
      complete(approver);
      await().atMost(Duration.ofSeconds(15)).until(() -> !status("W00001").path("openTasks").toString().contains("Approve"));
    } finally {
      approver.quit();
    }

    JsonNode failed = awaitSettled("W00001");
    assertThat(failed.path("openTasks").get(0).path("name").asText()).as(failed.toString()).isEqualTo("Solve a licence problem");

    WebDriver admin = browser();
    try {
      login(admin, "cockpit", "admin");
      admin.get("http://localhost:" + port + "/camunda/app/cockpit/default/#/processes");
      WebDriverWait wait = new WebDriverWait(admin, Duration.ofSeconds(30));
      wait.until(ExpectedConditions.elementToBeClickable(By.linkText("Hybrid onboarding"))).click();
      String instance = failed.path("processInstanceId").asText();
      // The instance list shows W00001 as business key; its id links to the instance.
      wait.until(ExpectedConditions.presenceOfElementLocated(By.xpath("//td[normalize-space()='W00001']")));
      click(admin, admin.findElement(By.xpath("//a[contains(@href,'" + instance + "')]")));
      // The diagram is drawn, and Cockpit has put its badge on the task the instance waits at.
      wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".djs-element[data-element-id='CallActivity_ResolvePreflightProblem']")));
      wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".djs-overlays[data-container-id='CallActivity_ResolvePreflightProblem'] .djs-overlay")));
      assertThat(admin.getPageSource()).contains(failed.path("processInstanceId").asText());
      screenshot(admin, "02-cockpit-instance-waiting-for-operator.png");

      // The step's loop called resolve-problem: Cockpit shows that instance waiting at the licence task.
      String called = calledInstance(instance);
      admin.get("http://localhost:" + port + "/camunda/app/cockpit/default/#/process-instance/" + called + "/runtime");
      wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".djs-overlays[data-container-id='Task_ResolveLicence'] .djs-overlay")));
      screenshot(admin, "03-cockpit-called-resolve-problem.png");

      // The one undo, as an analyst finds it among the definitions.
      String undo = repository.createProcessDefinitionQuery().processDefinitionKey("undo-onboarding").latestVersion().singleResult().getId();
      admin.get("http://localhost:" + port + "/camunda/app/cockpit/default/#/process-definition/" + undo + "/runtime");
      wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".djs-element[data-element-id='Task_QuarantineAccount']")));
      screenshot(admin, "04-cockpit-undo-onboarding.png");
    } finally {
      admin.quit();
    }

    WebDriver operator = browser();
    try {
      login(operator, "tasklist", "operator");
      openTask(operator, "Solve a licence problem");
      click(operator, operator.findElement(By.xpath("//label[normalize-space()='Use another SKU']")));
      click(operator, new WebDriverWait(operator, Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(
          By.cssSelector(".fjs-form-field-select .fjs-input-group"))));
      click(operator, new WebDriverWait(operator, Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(
          By.xpath("//*[contains(@class,'fjs-dropdownlist-item')][starts-with(normalize-space(),'SPE_E3')]"))));
      screenshot(operator, "05-tasklist-licence-choice.png");
      complete(operator);
    } finally {
      operator.quit();
    }

    JsonNode done = awaitSettled("W00001");
    assertThat(done.path("status").asText()).as(done.toString()).isEqualTo("ONBOARDED");
    assertThat(done.path("cloud").path("licenseSku").asText()).isEqualTo("SPE_E3");
  }
}
