package org.clustergraph.web;

import java.io.ByteArrayInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UrlPathHelper;

/**
 * Refuses, with a 4xx and a small GraphQL-shaped JSON body, the requests that Spring
 * would otherwise answer with a 500 or read without bound:
 * <ul>
 * <li>a {@code Content-Type} with a wildcard ({@code *}{@code /*},
 * {@code application/*}), on any path: Spring's {@code HttpHeaders} refuses to hold one,
 * so routing, and then the error page, fail with an exception (415);
 * <li>a direct request for the error page, which has no status to show (404);
 * <li>on {@code POST /graphql}: a body that is not {@code application/json} (415), one
 * larger than {@link HttpProperties#maxBodySize()}, counted as it is read so that a
 * chunked body is bounded too (413), one that is not a JSON object, such as {@code null}
 * (400), and variables holding more values or nesting deeper than
 * {@link HttpProperties#maxVariableValues()} and
 * {@link HttpProperties#maxVariableDepth()} (400, naming the variable).
 * </ul>
 * The body of an accepted request is kept in memory (it is small) and handed on as it
 * came.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class HttpGuards extends OncePerRequestFilter {

	private static final JsonFactory JSON = new JsonFactory();

	private static final JsonMapper WRITER = JsonMapper.builder().build();

	private final HttpProperties limits;

	private final String graphqlPath;

	private final String errorPath;

	HttpGuards(HttpProperties limits, @Value("${spring.graphql.http.path:/graphql}") String graphqlPath,
			@Value("${server.error.path:/error}") String errorPath) {
		this.limits = limits;
		this.graphqlPath = graphqlPath;
		this.errorPath = errorPath;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		// Decoded and without ;parameters, as Spring routes it (/graphql;x=1 and
		// /%67raphql reach the GraphQL handler too).
		String path = UrlPathHelper.defaultInstance.getPathWithinApplication(request);
		String header = request.getHeader(HttpHeaders.CONTENT_TYPE);
		MediaType contentType = null;
		if (header != null) {
			try {
				contentType = MediaType.parseMediaType(header);
			}
			catch (InvalidMediaTypeException ex) {
				// Spring reads such a request as having no content type.
			}
			if (contentType != null && (contentType.isWildcardType() || contentType.isWildcardSubtype())) {
				refuse(response, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Content-Type " + quote(header)
						+ " names no concrete media type; send the request as application/json");
				return;
			}
		}
		if (path.equals(this.errorPath) || path.startsWith(this.errorPath + "/")) {
			response.sendError(HttpStatus.NOT_FOUND.value());
			return;
		}
		if (path.equals(this.graphqlPath) && HttpMethod.POST.matches(request.getMethod())) {
			guardGraphQl(request, response, chain, header, contentType);
			return;
		}
		chain.doFilter(request, response);
	}

	private void guardGraphQl(HttpServletRequest request, HttpServletResponse response, FilterChain chain,
			@Nullable String header, @Nullable MediaType contentType) throws ServletException, IOException {
		if (contentType == null || !isJson(contentType)) {
			refuse(response, HttpStatus.UNSUPPORTED_MEDIA_TYPE,
					((header != null) ? "Content-Type " + quote(header) + " is not supported"
							: "The request has no Content-Type") + "; send the request as application/json");
			return;
		}
		Charset charset;
		try {
			charset = contentType.getCharset();
		}
		catch (IllegalArgumentException ex) {
			refuse(response, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "The charset of Content-Type " + quote(header)
					+ " is not supported; send the request as UTF-8 application/json");
			return;
		}
		long max = this.limits.maxBodySize().toBytes();
		if (request.getContentLengthLong() > max) {
			refuseTooLarge(response, max);
			return;
		}
		byte[] body = read(request.getInputStream(), max);
		if (body == null) {
			refuseTooLarge(response, max);
			return;
		}
		String refusal = check(body, charset);
		if (refusal != null) {
			refuse(response, HttpStatus.BAD_REQUEST, refusal);
			return;
		}
		chain.doFilter(new BufferedBody(request, body), response);
	}

	/** Whether Spring for GraphQL reads the body: it reads application/json only. */
	private static boolean isJson(MediaType type) {
		return "application".equals(type.getType()) && "json".equals(type.getSubtype());
	}

	/** The body, or null when it is longer than {@code max} bytes. */
	private static byte @Nullable [] read(InputStream in, long max) throws IOException {
		byte[] body = in.readNBytes((int) Math.min(max + 1, Integer.MAX_VALUE - 16));
		return (body.length > max) ? null : body;
	}

	/**
	 * What is wrong with the body, read as a GraphQL request, or null when it can be
	 * handed on. Only the shape and the variables are checked here; Spring for GraphQL
	 * reads the rest.
	 */
	@Nullable String check(byte[] body, @Nullable Charset charset) {
		boolean utf = charset == null || charset.name().startsWith("UTF-");
		try (JsonParser parser = utf ? JSON.createParser(ObjectReadContext.empty(), body)
				: JSON.createParser(ObjectReadContext.empty(),
						new BufferedReader(new InputStreamReader(new ByteArrayInputStream(body), charset)))) {
			JsonToken first = parser.nextToken();
			if (first == null) {
				return "The request body is empty; send a JSON object with the query, as "
						+ "{\"query\": \"{ dataset { listingCount } }\"}";
			}
			if (first != JsonToken.START_OBJECT) {
				return "The request body is " + describe(first)
						+ ", not a JSON object; send {\"query\": \"...\", \"variables\": {...}}";
			}
			boolean query = false;
			while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
				String name = parser.currentName();
				JsonToken value = parser.nextToken();
				String refusal = switch (name) {
					case "query" -> (value == JsonToken.VALUE_STRING) ? null
							: "query is " + describe(value) + "; send the GraphQL document as a JSON string";
					case "operationName" -> (value == JsonToken.VALUE_STRING || value == JsonToken.VALUE_NULL) ? null
							: "operationName is " + describe(value) + "; send the operation's name as a JSON string";
					case "variables", "extensions" -> (value == JsonToken.START_OBJECT || value == JsonToken.VALUE_NULL)
							? null : name + " is " + describe(value) + "; send a JSON object";
					default -> null;
				};
				if (refusal != null) {
					return refusal;
				}
				query |= name.equals("query");
				if ("variables".equals(name) && value == JsonToken.START_OBJECT) {
					refusal = checkVariables(parser);
					if (refusal != null) {
						return refusal;
					}
				}
				else {
					parser.skipChildren();
				}
			}
			if (parser.nextToken() != null) {
				return "The request body goes on after its JSON object; send one object";
			}
			if (!query) {
				return "The request has no query; send {\"query\": \"...\"} with the GraphQL document as a string";
			}
			return null;
		}
		catch (StreamConstraintsException ex) {
			// Valid JSON, but nested deeper (or with longer values) than any request
			// needs.
			return "The request body nests its JSON deeper, or holds longer values, than a GraphQL request needs; "
					+ "send the query and a few variables";
		}
		catch (JacksonException ex) {
			TokenStreamLocation location = ex.getLocation();
			return "The request body is not valid JSON" + ((location != null && location.getLineNr() > 0)
					? " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")" : "");
		}
	}

	/**
	 * Counts the values under {@code variables}, whose opening brace was just read: a
	 * variable that is a single value counts once, one that is a list or an input object
	 * counts its elements and fields at every level.
	 */
	private @Nullable String checkVariables(JsonParser parser) {
		int values = 0;
		while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
			String variable = parser.currentName();
			int depth = 0;
			do {
				JsonToken token = parser.nextToken();
				if (token == null) {
					return "The request body is not valid JSON: it ends inside the variables";
				}
				if (token == JsonToken.END_ARRAY || token == JsonToken.END_OBJECT) {
					depth--;
					continue;
				}
				if (token == JsonToken.PROPERTY_NAME) {
					continue;
				}
				boolean container = token == JsonToken.START_ARRAY || token == JsonToken.START_OBJECT;
				if ((depth > 0 || !container) && ++values > this.limits.maxVariableValues()) {
					return "Variable $" + variable + " brings the variables above " + this.limits.maxVariableValues()
							+ " values (list elements and input fields, at every level, all variables together), "
							+ "the most a request may send";
				}
				if (container && ++depth > this.limits.maxVariableDepth()) {
					return "Variable $" + variable + " nests lists or input objects more than "
							+ this.limits.maxVariableDepth() + " levels deep, the most a request may send";
				}
			}
			while (depth > 0);
		}
		return null;
	}

	private static String describe(JsonToken token) {
		return switch (token) {
			case VALUE_NULL -> "null";
			case START_ARRAY -> "a JSON array";
			case VALUE_STRING -> "a JSON string";
			case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
			case VALUE_TRUE, VALUE_FALSE -> "a boolean";
			case START_OBJECT -> "a JSON object";
			default -> "not a JSON object";
		};
	}

	private static String quote(@Nullable String header) {
		String text = (header != null) ? header : "";
		if (text.length() > 100) {
			text = text.substring(0, 100) + "…";
		}
		return "\"" + text.replaceAll("[^\\x20-\\x7e]", "?") + "\"";
	}

	private static void refuseTooLarge(HttpServletResponse response, long max) throws IOException {
		refuse(response, HttpStatus.CONTENT_TOO_LARGE,
				"The request body is larger than " + (max % 1024 == 0 ? (max / 1024) + " KB" : max + " bytes")
						+ ", the most this service reads; send a shorter query or fewer variables");
	}

	/** Answers with the status and {@code {"errors":[{"message":...}]}}. */
	static void refuse(HttpServletResponse response, HttpStatus status, String message) throws IOException {
		if (response.isCommitted()) {
			return;
		}
		response.resetBuffer();
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		byte[] body = WRITER.writeValueAsBytes(Map.of("errors", List.of(Map.of("message", message))));
		response.setContentLength(body.length);
		response.getOutputStream().write(body);
		response.flushBuffer();
	}

	/** The request with its body read into memory. */
	private static final class BufferedBody extends HttpServletRequestWrapper {

		private final byte[] body;

		BufferedBody(HttpServletRequest request, byte[] body) {
			super(request);
			this.body = body;
		}

		@Override
		public ServletInputStream getInputStream() {
			ByteArrayInputStream in = new ByteArrayInputStream(this.body);
			return new ServletInputStream() {

				@Override
				public int read() {
					return in.read();
				}

				@Override
				public int read(byte[] b, int off, int len) {
					return in.read(b, off, len);
				}

				@Override
				public boolean isFinished() {
					return in.available() == 0;
				}

				@Override
				public boolean isReady() {
					return true;
				}

				@Override
				public void setReadListener(ReadListener listener) {
					throw new UnsupportedOperationException();
				}

			};
		}

		@Override
		public BufferedReader getReader() {
			String encoding = getCharacterEncoding();
			Charset charset = (encoding != null && Charset.isSupported(encoding)) ? Charset.forName(encoding)
					: StandardCharsets.UTF_8;
			return new BufferedReader(new InputStreamReader(new ByteArrayInputStream(this.body), charset));
		}

		@Override
		public int getContentLength() {
			return this.body.length;
		}

		@Override
		public long getContentLengthLong() {
			return this.body.length;
		}

	}

}
