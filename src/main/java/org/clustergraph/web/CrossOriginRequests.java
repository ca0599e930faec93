package org.clustergraph.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsUtils;
import org.springframework.web.cors.DefaultCorsProcessor;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.web.filter.CorsFilter;

/**
 * Lets the pages of the origins named in {@link HttpProperties#corsOrigins()} call
 * {@code POST /graphql} and read {@code /export/**} from a browser: a front end served
 * from elsewhere, or one in development on {@code localhost}. None is named by default,
 * and then this filter does nothing at all. It runs before {@link HttpGuards}, so a
 * request the guards refuse still carries the headers that let its page read why. No
 * credentials are allowed: the API has no login, and no cookie of the service's users is
 * ever sent along.
 * <p>
 * A preflight from another origin is refused (403), so a browser sends that page's
 * request no further. A request that needs no preflight, from an origin not named, is
 * served without the headers, and the browser keeps the answer from the page: refusing it
 * would protect nothing, as the API only reads, and would refuse the service's own pages
 * behind a proxy that hides the host the browser used.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 5)
class CrossOriginRequests extends CorsFilter {

	private final boolean enabled;

	CrossOriginRequests(HttpProperties http, @Value("${spring.graphql.http.path:/graphql}") String graphqlPath) {
		super(configurations(http.corsOrigins(), graphqlPath));
		this.enabled = !http.corsOrigins().isEmpty();
		setCorsProcessor(new PreflightsRefused());
	}

	private static UrlBasedCorsConfigurationSource configurations(List<String> origins, String graphqlPath) {
		UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
		source.registerCorsConfiguration(graphqlPath, configuration(origins, List.of("POST")));
		source.registerCorsConfiguration("/export/**", configuration(origins, List.of("GET", "HEAD")));
		return source;
	}

	private static CorsConfiguration configuration(List<String> origins, List<String> methods) {
		CorsConfiguration configuration = new CorsConfiguration();
		configuration.setAllowedOriginPatterns(origins);
		configuration.setAllowedMethods(methods);
		configuration.setAllowedHeaders(List.of("Content-Type", "Accept"));
		configuration.setAllowCredentials(false);
		configuration.setMaxAge(Duration.ofMinutes(30));
		return configuration;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !this.enabled;
	}

	/** Refuses a preflight it cannot allow, and lets any other request go on as it is. */
	private static final class PreflightsRefused extends DefaultCorsProcessor {

		@Override
		public boolean processRequest(@Nullable CorsConfiguration configuration, HttpServletRequest request,
				HttpServletResponse response) throws IOException {
			boolean allowed = super.processRequest(configuration, request, response);
			if (allowed || !CorsUtils.isPreFlightRequest(request)) {
				return true;
			}
			response.setStatus(HttpServletResponse.SC_FORBIDDEN);
			response.setContentType("application/json");
			response.getOutputStream()
				.write(("{\"errors\":[{\"message\":\"This origin may not call the service from a browser, or not "
						+ "with this method or these headers; the service's operator names the origins allowed in "
						+ "CLUSTERGRAPH_CORS_ORIGINS\"}]}")
					.getBytes(StandardCharsets.UTF_8));
			return false;
		}

		@Override
		protected void rejectRequest(ServerHttpResponse response) {
			// processRequest answers a refused preflight, and lets anything else through
		}

	}

}
