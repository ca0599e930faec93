package org.clustergraph.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import org.clustergraph.GraphTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The explorer at {@code /} in a real headless Chromium (Debian's {@code chromium} and
 * {@code chromium-driver}), on the seed graph. Screenshots go to
 * {@code target/browser-screenshots/}. Without Chromium the tests are skipped, unless
 * {@code CLUSTERGRAPH_BROWSER_TESTS=required} (as {@code .ci/run} sets it) makes that a
 * failure.
 */
@GraphTest
class ExplorerBrowserTests {

	private static final List<String> BROWSERS = List.of("/usr/bin/chromium", "/usr/bin/chromium-browser",
			"/usr/bin/google-chrome");

	private static final Path DRIVER = Path.of("/usr/bin/chromedriver");

	private static final Path SCREENSHOTS = Path.of("target", "browser-screenshots");

	private static WebDriver browser;

	@LocalServerPort
	int port;

	@BeforeAll
	static void startBrowser() {
		String binary = BROWSERS.stream().filter((b) -> Files.isExecutable(Path.of(b))).findFirst().orElse(null);
		if (binary == null || !Files.isExecutable(DRIVER)) {
			String message = "Chromium and chromedriver are not installed; run the browser tests with "
					+ "`apt-get install chromium chromium-driver fonts-noto-cjk` (as .ci/run does)";
			if ("required".equals(System.getenv("CLUSTERGRAPH_BROWSER_TESTS"))) {
				fail(message);
			}
			Assumptions.abort(message);
		}
		ChromeOptions options = new ChromeOptions();
		options.setBinary(binary);
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--window-size=1366,768", "--lang=zh-CN");
		// The console, where Chromium reports what the Content-Security-Policy blocked.
		options.setCapability("goog:loggingPrefs", java.util.Map.of(LogType.BROWSER, "ALL"));
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
			.usingAnyFreePort()
			.build();
		browser = new ChromeDriver(service, options);
	}

	@AfterAll
	static void stopBrowser() {
		if (browser != null) {
			browser.quit();
		}
	}

	@BeforeEach
	void open() {
		browser.manage().window().setSize(new Dimension(1366, 768));
		browser.get("http://localhost:" + this.port + "/");
		waitFor(() -> Boolean.TRUE.equals(script("return typeof window.explorer === 'object'")));
	}

	@Test
	void opensWithTheLegendAndTheClustersOfSeveralPrograms() throws IOException {
		assertThat(browser.getTitle()).contains("产业集群");
		assertThat(browser.findElements(By.cssSelector("#legend li[data-label]"))).extracting(WebElement::getText)
			.containsExactly("Cluster 集群", "Region 地区", "Industry 行业", "Program 名单");
		waitFor(() -> browser.findElements(By.cssSelector("#view tbody tr")).size() > 5);
		assertThat(browser.findElement(By.id("view")).getText()).contains("仙桃市无纺布产业集群");
		screenshot("01-opening");
		assertThat(blockedByThePolicy()).isEmpty();
	}

	@Test
	void graphiqlRunsItsExampleUnderTheContentSecurityPolicy() throws IOException {
		blockedByThePolicy();
		browser.get("http://localhost:" + this.port + "/graphiql");
		WebElement run = waitForElement(By.cssSelector(".graphiql-execute-button"));
		waitFor(() -> browser.findElement(By.cssSelector(".graphiql-query-editor")).getText().contains("cluster(id:"));
		run.click();
		waitFor(() -> browser.findElement(By.cssSelector(".graphiql-response")).getText().contains("仙桃市无纺布产业集群"));
		screenshot("08-graphiql");
		assertThat(blockedByThePolicy()).isEmpty();
	}

	@Test
	void searchingXiantaoShowsTheNonwovenClusterAndDrawsItsNeighbourhood() throws IOException {
		search("仙桃");
		WebElement hit = waitForElement(By.xpath("//ul[@id='hits']/li[contains(., '无纺布')]"));
		String id = hit.getAttribute("data-id");
		assertThat(id).startsWith("Cluster:");
		hit.click();
		waitFor(() -> drawnNodes() >= 5);
		assertThat(drawnIds()).contains(id, "Region:429004", "Industry:1781", "Program:hubei", "Program:miit-sme");
		waitFor(() -> browser.findElement(By.id("details")).getText().contains("湖北省仙桃市无纺布产业集群"));
		String details = browser.findElement(By.id("details")).getText();
		assertThat(details).contains("仙桃市无纺布产业集群", "2024", "1781", "非织造布制造", "429004");
		screenshot("02-search-xiantao");
	}

	@Test
	void aClustersDetailsShowHowSureItsIndustryIsAndTheClustersItMayBeOneWith() throws IOException {
		search("衙前");
		waitForElement(By.xpath("//ul[@id='hits']/li[contains(., '化纤')]")).click();
		waitFor(() -> browser.findElement(By.id("details")).getText().contains("Possible matches"));
		String details = browser.findElement(By.id("details")).getText();
		assertThat(details).contains("衙前化纤产业集群", "Confidence", "28", "萧山化纤产业群");
		WebElement match = waitForElement(
				By.xpath("//aside[@id='details']//ul[@class='matches']//a[contains(., '萧山化纤产业群')]"));
		assertThat(match.getAttribute("title")).contains("score");
		((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView()", match);
		screenshot("06-possible-matches");
		match.click();
		waitFor(() -> browser.findElement(By.id("details")).getText().contains("萧山化纤产业群")
				&& browser.findElement(By.id("details")).getText().contains("衙前化纤产业集群")
				&& !browser.findElement(By.id("details")).getText().startsWith("Cluster · Cluster:332be1fd2c11"));
		assertThat(drawnIds()).anyMatch((id) -> id.startsWith("Cluster:") && !id.equals("Cluster:332be1fd2c11"));
	}

	@Test
	void expandingANodeAddsItsNeighbours() throws IOException {
		search("仙桃");
		waitForElement(By.xpath("//ul[@id='hits']/li[contains(., '无纺布')]")).click();
		waitFor(() -> drawnNodes() >= 5);
		long before = drawnNodes();
		script("window.explorer.select('Region:429004'); return true;");
		waitForElement(By.xpath("//aside[@id='details']//button[text()='Expand neighbours']")).click();
		waitFor(() -> drawnNodes() > before);
		assertThat(drawnIds()).contains("Region:420000");
		waitFor(() -> browser.findElement(By.id("details")).getText().contains("Clusters here and below"));
		assertThat(browser.findElement(By.id("details")).getText()).contains("仙桃市", "湖北省").doesNotContain("Listings");
		// the neighbourhood to take away, as files the desktop tools open
		assertThat(browser.findElements(By.cssSelector("#details a[download]"))
			.stream()
			.map((link) -> link.getAttribute("href")))
			.containsExactly("http://localhost:" + this.port + "/export/neighborhood.graphml?id=Region%3A429004",
					"http://localhost:" + this.port + "/export/neighborhood.cyjs?id=Region%3A429004");
		screenshot("03-expanded");
	}

	@Test
	void drawsTheOverlapMatrixAndTheIndustryBarChart() throws IOException {
		browser.findElement(By.cssSelector("[data-view=overlap]")).click();
		waitFor(() -> browser.findElements(By.cssSelector("table.heat td.cell")).size() == 25);
		List<String> cells = browser.findElements(By.cssSelector("table.heat td.cell"))
			.stream()
			.map(WebElement::getText)
			.toList();
		assertThat(cells).filteredOn((cell) -> cell.matches("\\d+ / \\d+")).hasSize(20);
		assertThat(cells).anySatisfy((cell) -> assertThat(cell).matches("[1-9]\\d* / \\d+"));
		// the programs by name, their keys as tooltips
		assertThat(browser.findElements(By.cssSelector("table.heat thead th")).stream().map(WebElement::getText))
			.contains("中小企业特色产业集群", "湖北省重点成长型产业集群")
			.doesNotContain("miit-sme");
		screenshot("04-overlap");
		browser.findElement(By.cssSelector("[data-view=cross-listed]")).click();
		waitForElement(By.xpath("//div[@id='view']//td[contains(., '中小企业特色产业集群')]"));
		assertThat(browser.findElement(By.id("view")).getText()).doesNotContain("miit-sme");
		browser.findElement(By.cssSelector("[data-view=spread]")).click();
		waitFor(() -> browser.findElements(By.cssSelector(".bars .bar")).size() >= 5);
		assertThat(browser.findElements(By.cssSelector(".bars .bar")).getFirst().getText()).matches("\\d+ provinces");
		screenshot("05-industry-spread");
		browser.findElement(By.cssSelector("[data-view=regions]")).click();
		waitForElement(By.xpath("//div[@id='view']//span[text()='湖北省']")).click();
		waitForElement(By.xpath("//div[@id='view']//td[text()='429004']"));
		screenshot("06-regions-hubei");
	}

	@Test
	void staysUsableOnANarrowScreen() throws IOException {
		browser.manage().window().setSize(new Dimension(420, 900));
		search("数控机床");
		waitForElement(By.xpath("//ul[@id='hits']/li[contains(., '数控')]"));
		WebElement graph = browser.findElement(By.id("graph-pane"));
		WebElement details = browser.findElement(By.id("details"));
		assertThat(details.getLocation().getY())
			.isGreaterThanOrEqualTo(graph.getLocation().getY() + graph.getSize().getHeight());
		assertThat(graph.getSize().getWidth()).isLessThanOrEqualTo(420);
		screenshot("07-narrow");
	}

	@Test
	void showsApiErrorsInsteadOfStayingSilent() throws IOException {
		script("window.explorer.graphql('{ clusters(first: 500) { totalCount } }').catch(() => {}); return true;");
		waitFor(() -> browser.findElement(By.id("status")).getText().contains("first must be between 0 and 100"));
		assertThat(browser.findElement(By.id("status")).getAttribute("class")).contains("error");
	}

	private void search(String text) {
		WebElement box = browser.findElement(By.id("search"));
		box.clear();
		box.sendKeys(text);
		browser.findElement(By.cssSelector("#search-form button")).click();
	}

	/**
	 * What Chromium's console says the Content-Security-Policy refused since the last
	 * call.
	 */
	private static List<String> blockedByThePolicy() {
		return browser.manage()
			.logs()
			.get(LogType.BROWSER)
			.getAll()
			.stream()
			.map(LogEntry::getMessage)
			.filter((message) -> message.contains("Content Security Policy"))
			.toList();
	}

	private long drawnNodes() {
		return (Long) script("return window.explorer.cy.nodes().length");
	}

	@SuppressWarnings("unchecked")
	private List<String> drawnIds() {
		return (List<String>) script("return window.explorer.cy.nodes().map((n) => n.id())");
	}

	private static Object script(String code) {
		return ((JavascriptExecutor) browser).executeScript(code);
	}

	private static void waitFor(java.util.function.Supplier<Boolean> condition) {
		try {
			new WebDriverWait(browser, Duration.ofSeconds(30)).until((driver) -> condition.get());
		}
		catch (org.openqa.selenium.TimeoutException ex) {
			// Keep what the page showed, for the reader of the failure.
			try {
				screenshot("failure-" + System.currentTimeMillis());
			}
			catch (IOException ignored) {
				// The timeout is the failure to report.
			}
			List<WebElement> status = browser.findElements(By.id("status"));
			throw new AssertionError("Timed out; the page's status line said: "
					+ (status.isEmpty() ? "(no status line)" : status.getFirst().getText()), ex);
		}
	}

	private static WebElement waitForElement(By by) {
		return new WebDriverWait(browser, Duration.ofSeconds(30)).until((driver) -> {
			List<WebElement> found = driver.findElements(by);
			return found.isEmpty() ? null : found.getFirst();
		});
	}

	private static void screenshot(String name) throws IOException {
		Files.createDirectories(SCREENSHOTS);
		Path file = SCREENSHOTS.resolve(name + ".png");
		Files.write(file, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
		try (Stream<Path> files = Files.list(SCREENSHOTS)) {
			assertThat(files).contains(file);
		}
	}

}
