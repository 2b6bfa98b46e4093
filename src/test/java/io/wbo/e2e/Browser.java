package io.wbo.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.wbo.testing.TestHttp;

/**
 * One operator's browser: Debian's headless Chromium driven by its chromedriver (set explicitly, so Selenium Manager
 * never downloads anything), with a fresh profile. Finds elements by their {@code data-testid} and waits explicitly.
 */
final class Browser implements AutoCloseable {

	static final Path CHROMIUM = Path.of("/usr/bin/chromium");
	static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
	static final Path SCREENSHOTS = Path.of("target", "e2e-screenshots");

	/** Debian's Chromium is newer than the CDP versions Selenium ships; the tests use WebDriver only, so no warning. */
	private static final java.util.logging.Logger CDP_LOG = java.util.logging.Logger.getLogger("org.openqa.selenium.devtools");

	static {
		CDP_LOG.setLevel(java.util.logging.Level.SEVERE);
	}

	final ChromeDriver driver;
	final String base;
	private final Path profile;
	private final WebDriverWait wait;

	Browser(int port) {
		this.base = "http://localhost:" + port;
		try {
			this.profile = Files.createTempDirectory("wbo-e2e-chromium-");
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
				"--disable-quic", "--window-size=1600,1000", "--lang=zh-HK", "--user-data-dir=" + profile.toAbsolutePath());
		org.openqa.selenium.logging.LoggingPreferences logs = new org.openqa.selenium.logging.LoggingPreferences();
		logs.enable(org.openqa.selenium.logging.LogType.BROWSER, java.util.logging.Level.WARNING);
		options.setCapability("goog:loggingPrefs", logs);
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
				.usingAnyFreePort().build();
		this.driver = new ChromeDriver(service, options);
		this.wait = new WebDriverWait(driver, Duration.ofSeconds(20));
		// React re-renders lists while a condition reads them: read again instead of failing
		this.wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
	}

	static By testId(String id) {
		return By.cssSelector("[data-testid='" + id + "']");
	}

	void open(String path) {
		driver.get(base + path);
	}

	WebElement find(String testId) {
		return wait.until(ExpectedConditions.visibilityOfElementLocated(testId(testId)));
	}

	boolean present(String testId) {
		return !driver.findElements(testId(testId)).isEmpty();
	}

	/**
	 * Clicks an element once it is clickable, scrolled to the middle of the view; while an animation or a fixed table
	 * column still covers it, tries again until the wait runs out.
	 */
	void click(String testId) {
		wait.ignoring(org.openqa.selenium.ElementClickInterceptedException.class).until(d -> {
			WebElement element = ExpectedConditions.elementToBeClickable(testId(testId)).apply(d);
			if (element == null) {
				return false;
			}
			((org.openqa.selenium.JavascriptExecutor) d).executeScript("arguments[0].scrollIntoView({block: 'center', inline: 'center'})", element);
			element.click();
			return true;
		});
	}

	void type(String testId, String text) {
		WebElement input = find(testId);
		input.click();
		input.sendKeys(org.openqa.selenium.Keys.chord(org.openqa.selenium.Keys.CONTROL, "a"), org.openqa.selenium.Keys.BACK_SPACE);
		input.sendKeys(text);
	}

	/** Waits until the element shows the text (or a part of it) and returns its whole text. */
	String waitForText(String testId, String part) {
		wait.until(ExpectedConditions.textToBePresentInElementLocated(testId(testId), part));
		return find(testId).getText();
	}

	void waitForUrl(String part) {
		wait.until(ExpectedConditions.urlContains(part));
	}

	void waitUntil(java.util.function.Function<ChromeDriver, Boolean> condition) {
		wait.until(d -> condition.apply((ChromeDriver) d));
	}

	/** Logs in through the login page and waits for the menu. */
	Browser login(String username) {
		open("/login");
		type("login-username", username);
		type("login-password", TestHttp.PASSWORD);
		click("login-submit");
		find("main-menu");
		return this;
	}

	/** Picks an option of an antd Select by its visible text. */
	void select(String testId, String optionText) {
		find(testId).click();
		By option = By.xpath("//div[contains(@class,'ant-select-item-option') and not(contains(@class,'disabled'))]"
				+ "[.//text()[normalize-space()='" + optionText + "']]");
		wait.until(ExpectedConditions.elementToBeClickable(option)).click();
	}

	void escape() {
		driver.switchTo().activeElement().sendKeys(org.openqa.selenium.Keys.ESCAPE);
	}

	/**
	 * Closes the open dialog with Escape, as an operator would, pressed on the dialog: the focus may still be on the
	 * button that opened it (on a loaded machine the dialog takes it late, or not at all), and Escape pressed there
	 * does not reach the dialog. Pressed again while the dialog stays.
	 */
	void escapeDialog() {
		waitUntil(d -> {
			List<WebElement> open = all(".ant-modal-wrap").stream().filter(WebElement::isDisplayed).toList();
			if (open.isEmpty()) {
				return true;
			}
			try {
				open.get(open.size() - 1).sendKeys(org.openqa.selenium.Keys.ESCAPE);
			}
			catch (org.openqa.selenium.WebDriverException e) {
				escape();
			}
			try {
				Thread.sleep(400);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
			return false;
		});
	}

	Object script(String js, Object... args) {
		return ((JavascriptExecutor) driver).executeScript(js, args);
	}

	void screenshot(String name) {
		try {
			Files.createDirectories(SCREENSHOTS);
			Path shot = driver.getScreenshotAs(OutputType.FILE).toPath();
			Files.copy(shot, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
		}
		catch (IOException | RuntimeException e) {
			System.err.println("screenshot " + name + " failed: " + e);
		}
	}

	/** The page's console errors and warnings so far (printed with each test, to spot a broken page early). */
	List<String> consoleMessages() {
		try {
			return driver.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER).getAll().stream()
					.map(e -> e.getLevel() + " " + e.getMessage()).toList();
		}
		catch (RuntimeException e) {
			return List.of();
		}
	}

	List<WebElement> all(String cssSelector) {
		return driver.findElements(By.cssSelector(cssSelector));
	}

	@Override
	public void close() {
		try {
			driver.quit();
		}
		finally {
			try (Stream<Path> files = Files.walk(profile)) {
				files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
			}
			catch (IOException e) {
				// a leftover temporary profile is harmless
			}
		}
	}
}
