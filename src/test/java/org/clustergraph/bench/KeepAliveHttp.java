package org.clustergraph.bench;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;

/**
 * The benchmark's HTTP client: JSON posts over one kept-alive HTTP/1.1 connection, on the
 * calling thread, with nothing between the socket and the caller. One instance serves one
 * client thread.
 *
 * <p>
 * The load generator shares the service's two cores, so whatever it spends per request is
 * taken from the service. The JDK's {@code java.net.http.HttpClient} hands every exchange
 * to its selector thread and back through futures, which cost about 0.8 ms of CPU per
 * request here; this client does what {@code ab} or {@code wrk} do: write the request,
 * read the status, the headers and the body, and keep the connection for the next one. It
 * understands exactly what the service sends: {@code Content-Length} or chunked bodies,
 * and {@code Connection: close} (Tomcat closes a kept-alive connection after a number of
 * requests).
 */
final class KeepAliveHttp implements AutoCloseable {

	private final InetSocketAddress address;

	private final byte[] requestHead;

	private final int timeoutMillis;

	private Socket socket;

	private InputStream in;

	private OutputStream out;

	private final StringBuilder line = new StringBuilder(128);

	/** Where chunked bodies are read: as large as the largest so far. */
	private byte[] body = new byte[64 * 1024];

	KeepAliveHttp(URI url, Duration timeout) {
		if (!"http".equals(url.getScheme())) {
			throw new IllegalArgumentException(
					"The benchmark speaks plain HTTP only, not " + url.getScheme() + ": " + url);
		}
		int port = (url.getPort() != -1) ? url.getPort() : 80;
		this.address = new InetSocketAddress(url.getHost(), port);
		String path = (url.getRawPath() == null || url.getRawPath().isEmpty()) ? "/" : url.getRawPath();
		if (url.getRawQuery() != null) {
			path += "?" + url.getRawQuery();
		}
		this.requestHead = ("POST " + path + " HTTP/1.1\r\nHost: " + url.getHost() + ":" + port
				+ "\r\nContent-Type: application/json"
				+ "\r\nAccept: application/graphql-response+json, application/json\r\nContent-Length: ")
			.getBytes(StandardCharsets.US_ASCII);
		this.timeoutMillis = Math.toIntExact(timeout.toMillis());
	}

	/** The status and body of one response. */
	record Response(int status, byte[] body) {

	}

	/**
	 * Posts a JSON body and reads the response. A connection kept from an earlier request
	 * that turns out to be closed is replaced once; a response that does not come in time
	 * is a failure, never sent again.
	 * @param body the JSON body
	 * @return the response
	 * @throws IOException when the exchange fails
	 */
	Response post(byte[] body) throws IOException {
		boolean reused = this.socket != null;
		try {
			return exchange(body);
		}
		catch (IOException ex) {
			close();
			if (!reused || ex instanceof SocketTimeoutException) {
				throw ex;
			}
			return exchange(body);
		}
	}

	private Response exchange(byte[] body) throws IOException {
		if (this.socket == null) {
			open();
		}
		this.out.write(this.requestHead);
		this.out.write((body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
		this.out.write(body);
		this.out.flush();
		String statusLine = readLine();
		if (!statusLine.startsWith("HTTP/1.1 ") || statusLine.length() < 12) {
			throw new IOException("Not an HTTP/1.1 status line: " + statusLine);
		}
		int status = Integer.parseInt(statusLine.substring(9, 12));
		long length = -1;
		boolean chunked = false;
		boolean closeAfter = false;
		for (String header = readLine(); !header.isEmpty(); header = readLine()) {
			int colon = header.indexOf(':');
			if (colon < 0) {
				continue;
			}
			String name = header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
			String value = header.substring(colon + 1).trim();
			switch (name) {
				case "content-length" -> length = Long.parseLong(value);
				case "transfer-encoding" -> chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
				case "connection" -> closeAfter = value.equalsIgnoreCase("close");
				default -> {
				}
			}
		}
		byte[] content;
		if (chunked) {
			content = readChunked();
		}
		else if (length >= 0) {
			content = this.in.readNBytes(Math.toIntExact(length));
			if (content.length != length) {
				throw new EOFException("The connection closed " + content.length + " bytes into a body of " + length);
			}
		}
		else {
			content = this.in.readAllBytes();
			closeAfter = true;
		}
		if (closeAfter) {
			close();
		}
		return new Response(status, content);
	}

	/**
	 * Reads a chunked body into the connection's buffer, which grows to the largest body
	 * read and is kept for the next, and returns a copy of exactly the body: one copy of
	 * each byte after the socket's, where collecting chunks in a stream made three.
	 */
	private byte[] readChunked() throws IOException {
		int length = 0;
		while (true) {
			String sizeLine = readLine();
			int semicolon = sizeLine.indexOf(';');
			int size = Integer.parseInt((semicolon < 0) ? sizeLine.trim() : sizeLine.substring(0, semicolon).trim(),
					16);
			if (size == 0) {
				while (!readLine().isEmpty()) {
					// trailers: none expected, skipped if any
				}
				return Arrays.copyOf(this.body, length);
			}
			if (length + size > this.body.length) {
				this.body = Arrays.copyOf(this.body, Math.max(this.body.length * 2, length + size));
			}
			if (this.in.readNBytes(this.body, length, size) != size) {
				throw new EOFException("The connection closed inside a chunk");
			}
			length += size;
			if (!readLine().isEmpty()) {
				throw new IOException("A chunk does not end with CRLF");
			}
		}
	}

	/** One line of the head, without its CRLF, as ISO-8859-1. */
	private String readLine() throws IOException {
		this.line.setLength(0);
		while (true) {
			int b = this.in.read();
			if (b < 0) {
				throw new EOFException("The connection closed in the middle of a response head");
			}
			if (b == '\n') {
				int end = this.line.length();
				if (end > 0 && this.line.charAt(end - 1) == '\r') {
					this.line.setLength(end - 1);
				}
				return this.line.toString();
			}
			this.line.append((char) b);
		}
	}

	private void open() throws IOException {
		Socket opened = new Socket();
		try {
			opened.setTcpNoDelay(true);
			opened.setSoTimeout(this.timeoutMillis);
			opened.connect(this.address, this.timeoutMillis);
			this.in = new BufferedInputStream(opened.getInputStream(), 16 * 1024);
			this.out = new BufferedOutputStream(opened.getOutputStream(), 8 * 1024);
			this.socket = opened;
		}
		catch (IOException ex) {
			opened.close();
			throw ex;
		}
	}

	@Override
	public void close() {
		if (this.socket != null) {
			try {
				this.socket.close();
			}
			catch (IOException ex) {
				// closing only; nothing is lost
			}
			this.socket = null;
			this.in = null;
			this.out = null;
		}
	}

}
