package org.clustergraph.web;

import java.util.List;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Test;

import org.springframework.core.annotation.AnnotationUtils;
import org.springframework.core.annotation.Order;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Which browser pages may read the API: only those of the origins configured, for the
 * GraphQL endpoint and the exports, and with the headers on the guards' refusals too. Run
 * through the two filters as the service orders them, in front of a servlet that stands
 * for the API and counts what reaches it.
 */
class CrossOriginRequestsTests {

	private static final String FRONT_END = "http://localhost:5173";

	private int reached;

	@Test
	void withNoOriginConfiguredAPageOfAnotherOriginIsGivenNothingToReadWith() throws Exception {
		MockHttpServletResponse preflight = send(List.of(), preflight("/graphql", FRONT_END, "POST"));
		assertThat(preflight.getHeader("Access-Control-Allow-Origin")).isNull();
		MockHttpServletResponse post = send(List.of(), post(FRONT_END, "application/json"));
		assertThat(post.getStatus()).isEqualTo(200);
		assertThat(post.getHeader("Access-Control-Allow-Origin")).isNull();
		// the filter adds nothing, not even Vary, when there is nothing to allow
		assertThat(post.getHeaderNames()).doesNotContain("Vary");
	}

	@Test
	void aConfiguredOriginsPageMayPostQueriesAndOthersMayNot() throws Exception {
		List<String> origins = List.of("https://app.example.org", FRONT_END);
		MockHttpServletResponse preflight = send(origins, preflight("/graphql", FRONT_END, "POST"));
		assertThat(preflight.getStatus()).isEqualTo(200);
		assertThat(preflight.getHeader("Access-Control-Allow-Origin")).isEqualTo(FRONT_END);
		assertThat(preflight.getHeader("Access-Control-Allow-Methods")).isEqualTo("POST");
		assertThat(preflight.getHeader("Access-Control-Allow-Headers")).containsIgnoringCase("content-type");
		assertThat(preflight.getHeader("Access-Control-Allow-Credentials")).isNull();
		assertThat(preflight.getHeader("Access-Control-Max-Age")).isEqualTo("1800");
		assertThat(this.reached).as("a preflight is answered before the API").isZero();
		MockHttpServletResponse post = send(origins, post(FRONT_END, "application/json"));
		assertThat(post.getStatus()).isEqualTo(200);
		assertThat(post.getHeader("Access-Control-Allow-Origin")).isEqualTo(FRONT_END);
		assertThat(this.reached).isOne();
		// another origin's preflight, or another method's, is refused before the API
		MockHttpServletResponse refused = send(origins, preflight("/graphql", "https://evil.example", "POST"));
		assertThat(refused.getStatus()).isEqualTo(403);
		assertThat(refused.getHeader("Access-Control-Allow-Origin")).isNull();
		assertThat(refused.getContentAsString()).contains("CLUSTERGRAPH_CORS_ORIGINS");
		assertThat(send(origins, preflight("/graphql", FRONT_END, "DELETE")).getStatus()).isEqualTo(403);
		assertThat(this.reached).isOne();
		// a request that needs no preflight is served without the headers, so the browser
		// keeps the answer from the page
		MockHttpServletResponse unread = send(origins, post("https://evil.example", "application/json"));
		assertThat(unread.getHeader("Access-Control-Allow-Origin")).isNull();
		assertThat(this.reached).isEqualTo(2);
	}

	@Test
	void theServicesOwnPageBehindAProxyIsServedWhateverTheOriginsConfigured() throws Exception {
		// the browser's origin is the proxy's, which the service does not see as its own
		MockHttpServletRequest own = post("https://graph.example.org", "application/json");
		own.setServerName("127.0.0.1");
		own.setServerPort(8080);
		MockHttpServletResponse response = send(List.of(FRONT_END), own);
		assertThat(response.getStatus()).isEqualTo(200);
		assertThat(this.reached).isOne();
	}

	@Test
	void theGuardsRefusalReachesTheConfiguredOriginsPageReadably() throws Exception {
		MockHttpServletResponse refused = send(List.of(FRONT_END), post(FRONT_END, "text/plain"));
		assertThat(refused.getStatus()).isEqualTo(415);
		assertThat(refused.getHeader("Access-Control-Allow-Origin")).isEqualTo(FRONT_END);
		assertThat(refused.getContentAsString()).contains("application/json");
		// and the service orders the filters that way
		assertThat(order(CrossOriginRequests.class)).isLessThan(order(HttpGuards.class));
	}

	@Test
	void theExportsMayBeReadButNotWrittenAndOtherPathsAreNotOpened() throws Exception {
		List<String> origins = List.of("https://*.example.org");
		MockHttpServletRequest export = new MockHttpServletRequest("GET", "/export/clusters.cyjs");
		export.addHeader("Origin", "https://maps.example.org");
		MockHttpServletResponse read = send(origins, export);
		assertThat(read.getHeader("Access-Control-Allow-Origin")).isEqualTo("https://maps.example.org");
		assertThat(send(origins, preflight("/export/clusters.cyjs", "https://maps.example.org", "POST")).getStatus())
			.isEqualTo(403);
		MockHttpServletRequest health = new MockHttpServletRequest("GET", "/actuator/health");
		health.addHeader("Origin", "https://maps.example.org");
		assertThat(send(origins, health).getHeader("Access-Control-Allow-Origin")).isNull();
	}

	@Test
	void anOriginWrittenWithAPathOrWithoutAHostStopsTheStartNamingTheSetting() {
		for (String origin : List.of("https://app.example.org/", "https://app.example.org/graphql", "localhost:5173",
				"", "https://user@app.example.org")) {
			assertThatIllegalArgumentException().isThrownBy(() -> limits(List.of(origin)))
				.withMessageContaining("CLUSTERGRAPH_CORS_ORIGINS")
				.withMessageContaining("'" + origin + "'");
		}
		for (String origin : List.of("*", "https://*.example.org", "http://127.0.0.1:8080", "https://[::1]:8443")) {
			filter(List.of(origin));
		}
	}

	@Test
	void limitsThatRefuseEveryBodyStopTheStart() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new HttpProperties(DataSize.ofBytes(0), 10_000, 20, List.of()))
			.withMessageContaining("CLUSTERGRAPH_MAX_BODY_SIZE");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new HttpProperties(DataSize.ofKilobytes(256), -1, 20, List.of()))
			.withMessageContaining("CLUSTERGRAPH_MAX_VARIABLE_VALUES");
	}

	private MockHttpServletResponse send(List<String> origins, MockHttpServletRequest request) throws Exception {
		MockHttpServletResponse response = new MockHttpServletResponse();
		HttpServlet api = new HttpServlet() {

			@Override
			protected void service(HttpServletRequest req, HttpServletResponse resp) {
				CrossOriginRequestsTests.this.reached++;
				resp.setStatus(200);
			}

		};
		new MockFilterChain(api, filter(origins), new HttpGuards(limits(origins), "/graphql", "/error"))
			.doFilter(request, response);
		return response;
	}

	private static CrossOriginRequests filter(List<String> origins) {
		return new CrossOriginRequests(limits(origins), "/graphql");
	}

	private static HttpProperties limits(List<String> origins) {
		return new HttpProperties(DataSize.ofKilobytes(256), 10_000, 20, origins);
	}

	private static MockHttpServletRequest preflight(String path, String origin, String method) {
		MockHttpServletRequest request = new MockHttpServletRequest("OPTIONS", path);
		request.addHeader("Origin", origin);
		request.addHeader("Access-Control-Request-Method", method);
		request.addHeader("Access-Control-Request-Headers", "content-type");
		return request;
	}

	private static MockHttpServletRequest post(String origin, String contentType) {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/graphql");
		request.addHeader("Origin", origin);
		request.setContentType(contentType);
		request.setContent("{\"query\":\"{ dataset { listingCount } }\"}".getBytes());
		return request;
	}

	private static int order(Class<?> filter) {
		return AnnotationUtils.findAnnotation(filter, Order.class).value();
	}

}
