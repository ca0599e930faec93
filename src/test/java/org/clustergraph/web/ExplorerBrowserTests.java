package org.clustergraph.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.test.tester.GraphQlTester;

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

	private static final ParameterizedTypeReference<Map<String, Object>> ROW = new ParameterizedTypeReference<>() {
	};

	/** The colour the map gives a shape no region of the graph is matched to. */
	private static final String NO_REGION = "#ced4da";

	private static WebDriver browser;

	@LocalServerPort
	int port;

	@Autowired
	GraphQlTester graphQl;

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
		waitForTheMap("china");
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

	@Test
	void opensOnTheMapOfChinaWithEveryProvinceShadedByItsClusters() throws IOException {
		waitForTheMap("china");
		List<Map<String, Object>> provinces = this.graphQl
			.document("{ regions(filter: {level: PROVINCE}, first: 100) { edges { node { code name } } } }")
			.execute()
			.path("regions.edges[*].node")
			.entityList(ROW)
			.get();
		Map<String, Integer> counts = counts(
				this.graphQl.document("{ clusterFacets { byProvince { region { code } count } } }")
					.execute()
					.path("clusterFacets.byProvince")
					.entityList(ROW)
					.get(),
				"region");
		assertThat(provinces).hasSize(31);
		// every province on the map, with the count the API gives it (none: 0)
		List<Map<String, Object>> drawn = drawnOnTheMap();
		Map<String, Object> byCode = new TreeMap<>();
		drawn.stream().filter((shape) -> shape.get("code") != null).forEach((shape) -> {
			assertThat(byCode.put((String) shape.get("code"), shape.get("value"))).as("%s twice", shape).isNull();
		});
		Map<String, Object> expected = new TreeMap<>();
		provinces.forEach((p) -> expected.put((String) p.get("code"), (long) counts.getOrDefault(p.get("code"), 0)));
		assertThat(byCode).isEqualTo(expected);
		assertShadedByCount(drawn.stream().filter((shape) -> shape.get("code") != null).toList());
		// the shapes no province is matched to (outside the lists) are grey and named
		// below the map
		List<Map<String, Object>> unmatched = drawn.stream().filter((shape) -> shape.get("code") == null).toList();
		assertThat(unmatched).allSatisfy((shape) -> {
			assertThat(shape.get("fill")).isIn(NO_REGION, null);
			assertThat(browser.findElement(By.id("map-note")).getText()).contains((String) shape.get("name"));
		});
		// beside the map, the programs: matching clusters out of all of each
		List<Map<String, Object>> programs = this.graphQl.document("{ programs { key name clusterCount } }")
			.execute()
			.path("programs")
			.entityList(ROW)
			.get();
		for (Map<String, Object> program : programs) {
			WebElement bar = browser
				.findElement(By.cssSelector("#facet-program [data-key='" + program.get("key") + "']"));
			assertThat(bar.getText()).contains((String) program.get("name"))
				.contains(program.get("clusterCount") + " / " + program.get("clusterCount"));
		}
		screenshot("09-overview-map");
		assertThat(blockedByThePolicy()).isEmpty();
	}

	@Test
	void clickingAProvinceOnTheMapShowsItsPrefecturesAndCountiesWithTheirCounts() throws IOException {
		waitForTheMap("china");
		Map<String, Object> province = this.graphQl
			.document("{ clusterFacets { byProvince { region { code name } count } } }")
			.execute()
			.path("clusterFacets.byProvince[0].region")
			.entity(ROW)
			.get();
		String code = (String) province.get("code");
		Map<String, Object> shape = drawnOnTheMap().stream()
			.filter((s) -> code.equals(s.get("code")))
			.findFirst()
			.orElseThrow();
		new Actions(browser).moveToLocation(((Number) shape.get("x")).intValue(), ((Number) shape.get("y")).intValue())
			.click()
			.perform();
		waitFor(() -> !"china".equals(browser.findElement(By.id("map")).getDomAttribute("data-map"))
				&& "ready".equals(browser.findElement(By.id("map")).getDomAttribute("data-state")));
		assertThat(browser.findElement(By.id("map-crumbs")).getText()).contains((String) province.get("name"));
		// the units under the province that hold clusters, each with the API's count
		Map<String, Integer> units = clustersUnder(code);
		Map<String, Integer> shown = new TreeMap<>();
		for (WebElement row : browser.findElements(By.cssSelector("#drill tbody tr[data-code]"))) {
			shown.put(row.getDomAttribute("data-code"),
					Integer.valueOf(row.findElement(By.cssSelector("td.num")).getText()));
		}
		assertThat(shown).isNotEmpty().isEqualTo(filterPositive(units));
		// and below each, its counties, districts and zones
		for (WebElement row : browser.findElements(By.cssSelector("#drill tbody tr[data-code]"))) {
			Map<String, Integer> below = new TreeMap<>();
			for (WebElement unit : row.findElements(By.cssSelector("li[data-code]"))) {
				below.put(unit.getDomAttribute("data-code"),
						Integer.valueOf(unit.findElement(By.cssSelector(".num")).getText()));
			}
			assertThat(below).as(row.getText())
				.isEqualTo(filterPositive(clustersUnder(row.getDomAttribute("data-code"))));
		}
		// the province's map: its units shaded by the same counts, every unit with
		// clusters drawn but zones
		List<Map<String, Object>> drawn = drawnOnTheMap().stream().filter((s) -> s.get("code") != null).toList();
		assertThat(drawn).isNotEmpty()
			.allSatisfy((s) -> assertThat(s.get("value")).as("%s", s)
				.isEqualTo((long) units.getOrDefault(s.get("code"), 0)));
		assertThat(drawn.stream().map((s) -> s.get("code")))
			.containsAll(notZones(code, filterPositive(units).keySet()));
		assertShadedByCount(drawn);
		screenshot("10-province");
		// a unit clicked on the province's map filters by it
		Map<String, Object> unit = drawn.stream()
			.max((a, b) -> Long.compare((Long) a.get("value"), (Long) b.get("value")))
			.orElseThrow();
		new Actions(browser).moveToLocation(((Number) unit.get("x")).intValue(), ((Number) unit.get("y")).intValue())
			.click()
			.perform();
		waitFor(() -> browser.findElements(By.cssSelector("#map-crumbs [data-code]")).size() == 2
				&& "ready".equals(browser.findElement(By.id("map")).getDomAttribute("data-state")));
		assertThat(browser.findElement(By.cssSelector("#map-crumbs [data-code]:last-of-type"))
			.getDomAttribute("data-code")).isEqualTo(unit.get("code"));
		assertThat(matching()).isEqualTo(((Long) unit.get("value")).intValue()).isEqualTo(units.get(unit.get("code")));
		browser.findElement(By.id("map-back")).click();
		waitForTheMap("china");
		assertThat(browser.findElement(By.id("drill")).getText()).isEmpty();
	}

	@Test
	@SuppressWarnings("unchecked")
	void everyProvinceHasAMapOfItsOwnWithEachUnitThatHoldsClusters() {
		List<String> provinces = this.graphQl
			.document("{ regions(filter: {level: PROVINCE}, first: 100) { edges { node { code } } } }")
			.execute()
			.path("regions.edges[*].node.code")
			.entityList(String.class)
			.get();
		waitForTheMap("china");
		browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
		for (String province : provinces) {
			List<Map<String, Object>> units = this.graphQl.document("""
					query($code: String!) { region(code: $code) { children(first: 100) {
					  edges { node { code name level clusters(first: 0) { totalCount } } } } } }""")
				.variable("code", province)
				.execute()
				.path("region.children.edges[*].node")
				.entityList(ROW)
				.get();
			List<Map<String, Object>> plain = units.stream()
				.map((u) -> Map.<String, Object>of("code", u.get("code"), "name", u.get("name")))
				.toList();
			Map<String, Object> match = (Map<String, Object>) ((JavascriptExecutor) browser).executeAsyncScript("""
					const [code, units, done] = arguments;
					const o = window.explorer.overview;
					o.loadProvinceShapes(code).then(() => {
					  const name = o.mapNameOfProvince(code);
					  const shapes = name ? o.shapeNames(name) : [];
					  const m = o.matchPlaces(shapes, units);
					  done({ name, shapes: shapes.length, matched: [...m.byShape.values()].map((r) => r.code) });
					});""", province, plain);
			assertThat(match.get("name")).as(province).isNotNull();
			assertThat((Long) match.get("shapes")).as(province).isPositive();
			List<String> withClusters = units.stream()
				.filter((u) -> !"ZONE".equals(u.get("level")))
				.filter((u) -> (Integer) ((Map<?, ?>) u.get("clusters")).get("totalCount") > 0)
				.map((u) -> (String) u.get("code"))
				.toList();
			assertThat((List<String>) match.get("matched")).as(province)
				.containsAll(withClusters)
				.doesNotHaveDuplicates();
		}
	}

	@Test
	void clickingABarFiltersTheChartsTheMapAndTheClusterList() throws Exception {
		waitForTheMap("china");
		Map<String, Object> program = this.graphQl.document("{ programs { key name clusterCount } }")
			.execute()
			.path("programs")
			.entityList(ROW)
			.get()
			.stream()
			.max((a, b) -> (Integer) a.get("clusterCount") - (Integer) b.get("clusterCount"))
			.orElseThrow();
		String key = (String) program.get("key");
		browser.findElement(By.cssSelector("#facet-program button[data-key='" + key + "']")).click();
		waitFor(() -> !browser.findElements(By.cssSelector("#filters [data-filter=program]")).isEmpty()
				&& "ready".equals(browser.findElement(By.id("map")).getDomAttribute("data-state")));
		Map<String, Object> filter = new LinkedHashMap<>(Map.of("program", key));
		GraphQlTester.Response facets = facets(filter);
		assertThat(matching()).isEqualTo(facets.path("clusterFacets.total").entity(Integer.class).get())
			.isLessThan(facets.path("all.total").entity(Integer.class).get());
		assertThat(browser.findElement(By.cssSelector("#facet-program button[data-key='" + key + "']"))
			.getDomAttribute("aria-pressed")).isEqualTo("true");
		// the map, the industry bars and the list follow the filter
		Map<String, Object> onTheMap = new TreeMap<>();
		drawnOnTheMap().stream()
			.filter((s) -> s.get("code") != null && ((Long) s.get("value")) > 0)
			.forEach((s) -> onTheMap.put((String) s.get("code"), ((Long) s.get("value")).intValue()));
		assertThat(onTheMap).isEqualTo(counts(facets.path("clusterFacets.byProvince").entityList(ROW).get(), "region"));
		assertThat(bars("facet-industry"))
			.isEqualTo(counts(facets.path("clusterFacets.byIndustry").entityList(ROW).get(), "industry"));
		List<WebElement> listed = browser.findElements(By.cssSelector("#cluster-list tbody tr"));
		assertThat(listed).isNotEmpty()
			.allSatisfy((row) -> assertThat(row.findElements(By.tagName("td")).get(2).getText())
				.contains((String) program.get("name")));
		// a second bar narrows further: the largest industry section
		WebElement section = browser.findElement(By.cssSelector("#facet-industry button.bar-row"));
		String industry = section.getDomAttribute("data-key");
		section.click();
		waitFor(() -> !browser.findElements(By.cssSelector("#filters [data-filter=industry]")).isEmpty()
				&& "ready".equals(browser.findElement(By.id("map")).getDomAttribute("data-state")));
		filter.put("industry", industry);
		assertThat(matching()).isEqualTo(facets(filter).path("clusterFacets.total").entity(Integer.class).get());
		// a province bar: the map turns to that province
		WebElement provinceBar = browser.findElement(By.cssSelector("#facet-province button.bar-row"));
		String province = provinceBar.getDomAttribute("data-key");
		provinceBar.click();
		waitFor(() -> !browser.findElements(By.cssSelector("#filters [data-filter=region]")).isEmpty()
				&& !"china".equals(browser.findElement(By.id("map")).getDomAttribute("data-map"))
				&& "ready".equals(browser.findElement(By.id("map")).getDomAttribute("data-state")));
		filter.put("region", province);
		assertThat(matching()).isEqualTo(facets(filter).path("clusterFacets.total").entity(Integer.class).get());
		assertThat(browser.findElement(By.id("filters")).getText()).contains((String) program.get("name"), industry);
		// the download link takes away exactly the clusters that match
		String download = browser.findElement(By.cssSelector("#filters a.download[data-format=cyjs]"))
			.getDomProperty("href");
		assertThat(download).contains("program=" + key).contains("region=" + province);
		String body = java.net.http.HttpClient.newHttpClient()
			.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(download)).GET().build(),
					java.net.http.HttpResponse.BodyHandlers.ofString())
			.body();
		long downloaded = java.util.stream.StreamSupport
			.stream(tools.jackson.databind.json.JsonMapper.builder()
				.build()
				.readTree(body)
				.at("/elements/nodes")
				.spliterator(), false)
			.filter((n) -> n.at("/data/label").asString().equals("Cluster"))
			.count();
		assertThat(downloaded).isEqualTo(matching());
		script("window.scrollTo(0, 0); return true;");
		screenshot("11-filtered");
		// each filter comes off on its own
		browser.findElement(By.cssSelector("#filters [data-filter=program]")).click();
		waitFor(() -> browser.findElements(By.cssSelector("#filters [data-filter=program]")).isEmpty()
				&& "ready".equals(browser.findElement(By.id("map")).getDomAttribute("data-state")));
		filter.remove("program");
		assertThat(matching()).isEqualTo(facets(filter).path("clusterFacets.total").entity(Integer.class).get());
		// a cluster of the list opens in the graph
		WebElement first = browser.findElement(By.cssSelector("#cluster-list tbody tr"));
		String id = first.getDomAttribute("data-id");
		first.findElement(By.cssSelector(".link")).click();
		waitFor(() -> drawnIds().contains(id));
		browser.findElement(By.cssSelector("#filters .clear")).click();
		waitFor(() -> browser.findElements(By.cssSelector("#filters .chip")).isEmpty()
				&& "china".equals(browser.findElement(By.id("map")).getDomAttribute("data-map"))
				&& "ready".equals(browser.findElement(By.id("map")).getDomAttribute("data-state")));
		assertThat(matching()).isEqualTo(facets(Map.of()).path("all.total").entity(Integer.class).get());
	}

	@Test
	void aRegionLevelBarFiltersByTheLevelClustersArePlacedAt() throws IOException {
		waitForTheMap("china");
		WebElement zones = browser.findElement(By.cssSelector("#facet-level button[data-key=ZONE]"));
		zones.click();
		waitFor(() -> !browser.findElements(By.cssSelector("#filters [data-filter=level]")).isEmpty()
				&& "ready".equals(browser.findElement(By.id("map")).getDomAttribute("data-state")));
		GraphQlTester.Response facets = facets(Map.of("regionLevel", "ZONE"));
		assertThat(matching()).isEqualTo(facets.path("clusterFacets.total").entity(Integer.class).get())
			.isPositive()
			.isLessThan(facets.path("all.total").entity(Integer.class).get());
		assertThat(browser.findElement(By.cssSelector("#facet-level button[data-key=ZONE]"))
			.getDomAttribute("aria-pressed")).isEqualTo("true");
		browser.findElement(By.cssSelector("#filters [data-filter=level]")).click();
		waitFor(() -> browser.findElements(By.cssSelector("#filters .chip")).isEmpty()
				&& "ready".equals(browser.findElement(By.id("map")).getDomAttribute("data-state")));
		assertThat(matching()).isEqualTo(facets.path("all.total").entity(Integer.class).get());
	}

	@Test
	void theTimelineShowsEachProgramsEditionsWithTheClustersNewToIt() throws IOException {
		waitForTheMap("china");
		List<Map<String, Object>> programs = this.graphQl.document("""
				{ programs { key name editions { year clusterCount newClusters seenInEarlierEdition } } }""")
			.execute()
			.path("programs")
			.entityList(ROW)
			.get();
		int tallest = programs.stream()
			.flatMap((p) -> ((List<?>) p.get("editions")).stream())
			.mapToInt((e) -> (Integer) ((Map<?, ?>) e).get("clusterCount"))
			.max()
			.orElseThrow();
		double tallestHeight = 0;
		Map<String, double[]> heights = new HashMap<>();
		for (Map<String, Object> program : programs) {
			WebElement lane = browser
				.findElement(By.cssSelector("#timeline g.lane[data-program='" + program.get("key") + "']"));
			assertThat(lane.getText()).contains((String) program.get("name"));
			List<?> editions = (List<?>) program.get("editions");
			List<WebElement> drawn = lane.findElements(By.cssSelector("g.edition"));
			assertThat(drawn).as("%s", program.get("key")).hasSize(editions.size());
			if (editions.isEmpty()) {
				assertThat(lane.getText()).contains("no editions");
			}
			for (int i = 0; i < editions.size(); i++) {
				Map<?, ?> edition = (Map<?, ?>) editions.get(i);
				WebElement bar = drawn.get(i);
				assertThat(bar.getDomAttribute("data-year")).isEqualTo(String.valueOf(edition.get("year")));
				assertThat(bar.getText()).contains(String.valueOf(edition.get("clusterCount")),
						edition.get("newClusters") + " new · " + edition.get("seenInEarlierEdition") + " seen");
				double fresh = Double
					.parseDouble(bar.findElement(By.cssSelector("rect.new")).getDomAttribute("height"));
				double seen = Double
					.parseDouble(bar.findElement(By.cssSelector("rect.seen")).getDomAttribute("height"));
				heights.put(program.get("key") + "|" + edition.get("year"), new double[] { fresh, seen });
				if ((Integer) edition.get("clusterCount") == tallest) {
					tallestHeight = fresh + seen;
				}
			}
		}
		// bar heights in proportion to the clusters, new below and already seen above
		assertThat(tallestHeight).isPositive();
		for (Map<String, Object> program : programs) {
			for (Object e : (List<?>) program.get("editions")) {
				Map<?, ?> edition = (Map<?, ?>) e;
				double[] drawn = heights.get(program.get("key") + "|" + edition.get("year"));
				assertThat(drawn[0]).isCloseTo(tallestHeight * (Integer) edition.get("newClusters") / tallest,
						org.assertj.core.data.Offset.offset(0.5));
				assertThat(drawn[1]).isCloseTo(tallestHeight * (Integer) edition.get("seenInEarlierEdition") / tallest,
						org.assertj.core.data.Offset.offset(0.5));
			}
		}
		// an edition filters by its program and year
		Map<String, Object> program = programs.stream()
			.filter((p) -> !((List<?>) p.get("editions")).isEmpty())
			.findFirst()
			.orElseThrow();
		Map<?, ?> edition = (Map<?, ?>) ((List<?>) program.get("editions")).getLast();
		WebElement bar = browser.findElement(By.cssSelector("#timeline g.lane[data-program='" + program.get("key")
				+ "'] g.edition[data-year='" + edition.get("year") + "']"));
		((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", bar);
		bar.click();
		waitFor(() -> !browser.findElements(By.cssSelector("#filters [data-filter=year]")).isEmpty()
				&& "ready".equals(browser.findElement(By.id("map")).getDomAttribute("data-state")));
		assertThat(matching()).isEqualTo(
				facets(Map.of("program", program.get("key"), "year", edition.get("year"))).path("clusterFacets.total")
					.entity(Integer.class)
					.get());
		screenshot("12-timeline");
	}

	private void search(String text) {
		WebElement box = browser.findElement(By.id("search"));
		box.clear();
		box.sendKeys(text);
		browser.findElement(By.cssSelector("#search-form button")).click();
	}

	private static void waitForTheMap(String map) {
		waitFor(() -> map.equals(browser.findElement(By.id("map")).getDomAttribute("data-map"))
				&& "ready".equals(browser.findElement(By.id("map")).getDomAttribute("data-state")));
	}

	/**
	 * Every shape of the map drawn now: its name, the region code and count the page gave
	 * it, where its centre lies in the window and the colour drawn there.
	 */
	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> drawnOnTheMap() {
		// The pointer off the map, so that no shape shows its hover colour; the map in
		// view.
		new Actions(browser).moveToElement(browser.findElement(By.cssSelector("header h1"))).perform();
		script("window.scrollTo(0, 0); return true;");
		return (List<Map<String, Object>>) script("""
				const o = window.explorer.overview;
				const map = document.getElementById('map');
				const box = map.getBoundingClientRect();
				const data = o.chart.getOption().series[0].data;
				return o.shapeNames(map.dataset.map).map((name) => {
				  const item = data.find((d) => d.name === name);
				  const [x, y] = o.chart.convertToPixel({ seriesIndex: 0 }, name);
				  const path = document.elementsFromPoint(box.left + x, box.top + y).find((e) => e.tagName === 'path');
				  return { name, code: item ? item.code : null, value: item ? item.value : null,
				    x: box.left + x, y: box.top + y, fill: path ? path.getAttribute('fill') : null };
				});""");
	}

	/**
	 * The shapes are shaded by their counts: a larger count never lighter, equal counts
	 * alike, the largest darker than the smallest, none in the colour of no region.
	 */
	private static void assertShadedByCount(List<Map<String, Object>> shapes) {
		assertThat(shapes)
			.allSatisfy((s) -> assertThat((String) s.get("fill")).as("%s", s).isNotNull().isNotEqualTo(NO_REGION));
		for (Map<String, Object> a : shapes) {
			for (Map<String, Object> b : shapes) {
				long countA = (Long) a.get("value");
				long countB = (Long) b.get("value");
				if (countA == countB) {
					assertThat(a.get("fill")).as("%s and %s", a, b).isEqualTo(b.get("fill"));
				}
				else if (countA > countB) {
					assertThat(lightness((String) a.get("fill"))).as("%s and %s", a, b)
						.isLessThanOrEqualTo(lightness((String) b.get("fill")));
				}
			}
		}
		Map<String, Object> most = shapes.stream()
			.max((a, b) -> Long.compare((Long) a.get("value"), (Long) b.get("value")))
			.orElseThrow();
		Map<String, Object> least = shapes.stream()
			.min((a, b) -> Long.compare((Long) a.get("value"), (Long) b.get("value")))
			.orElseThrow();
		if ((Long) most.get("value") > (Long) least.get("value")) {
			assertThat(lightness((String) most.get("fill"))).isLessThan(lightness((String) least.get("fill")));
		}
	}

	private static double lightness(String colour) {
		Matcher rgb = Pattern.compile("rgba?\\((\\d+),\\s*(\\d+),\\s*(\\d+)").matcher(colour);
		int[] c;
		if (rgb.find()) {
			c = new int[] { Integer.parseInt(rgb.group(1)), Integer.parseInt(rgb.group(2)),
					Integer.parseInt(rgb.group(3)) };
		}
		else {
			assertThat(colour).matches("#[0-9a-fA-F]{6}");
			c = new int[] { Integer.parseInt(colour.substring(1, 3), 16), Integer.parseInt(colour.substring(3, 5), 16),
					Integer.parseInt(colour.substring(5, 7), 16) };
		}
		return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
	}

	/** A facet's groups by code or key, as the API counts them. */
	private static Map<String, Integer> counts(List<Map<String, Object>> facet, String group) {
		Map<String, Integer> counts = new TreeMap<>();
		for (Map<String, Object> row : facet) {
			Map<?, ?> named = (Map<?, ?>) row.get(group);
			counts.put((String) (named.get("code") != null ? named.get("code") : named.get("key")),
					(Integer) row.get("count"));
		}
		return counts;
	}

	/** The clusters in each region directly under one, by the API's own count. */
	private Map<String, Integer> clustersUnder(String code) {
		Map<String, Integer> counts = new TreeMap<>();
		this.graphQl.document("""
				query($code: String!) { region(code: $code) { children(first: 100) {
				  edges { node { code clusters(first: 0) { totalCount } } } } } }""")
			.variable("code", code)
			.execute()
			.path("region.children.edges[*].node")
			.entityList(ROW)
			.get()
			.forEach((unit) -> counts.put((String) unit.get("code"),
					(Integer) ((Map<?, ?>) unit.get("clusters")).get("totalCount")));
		return counts;
	}

	private static Map<String, Integer> filterPositive(Map<String, Integer> counts) {
		Map<String, Integer> positive = new TreeMap<>();
		counts.forEach((code, count) -> {
			if (count > 0) {
				positive.put(code, count);
			}
		});
		return positive;
	}

	/**
	 * Of these units under a province, those that are not development zones (which have
	 * no shape).
	 */
	private List<String> notZones(String province, java.util.Set<String> codes) {
		List<String> kept = new ArrayList<>();
		this.graphQl.document(
				"""
						query($code: String!) { region(code: $code) { children(first: 100) { edges { node { code level } } } } }""")
			.variable("code", province)
			.execute()
			.path("region.children.edges[*].node")
			.entityList(ROW)
			.get()
			.stream()
			.filter((unit) -> codes.contains(unit.get("code")) && !"ZONE".equals(unit.get("level")))
			.forEach((unit) -> kept.add((String) unit.get("code")));
		return kept;
	}

	/** Counts for a filter, and the unfiltered total. */
	private GraphQlTester.Response facets(Map<String, Object> filter) {
		return this.graphQl.document("""
				query($filter: ClusterFilter) { all: clusterFacets { total }
				  clusterFacets(filter: $filter) { total byProvince { region { code } count }
				    byIndustry(level: SECTION) { industry { code } count } } }""").variable("filter", filter).execute();
	}

	/** How many clusters the overview says match its filters. */
	private static int matching() {
		return Integer.parseInt(browser.findElement(By.id("match-count")).getText());
	}

	/** The count on each bar of a facet, by its key. */
	private static Map<String, Integer> bars(String facet) {
		Map<String, Integer> counts = new TreeMap<>();
		for (WebElement bar : browser.findElements(By.cssSelector("#" + facet + " .bar-row"))) {
			counts.put(bar.getDomAttribute("data-key"),
					Integer.valueOf(bar.findElement(By.cssSelector(".count")).getText()));
		}
		return counts;
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
