package org.clustergraph.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The benchmark's HTTP client reads chunked bodies of any size, one after another on a
 * connection it keeps, each exactly as sent.
 */
class KeepAliveHttpTests {

	@Test
	void chunkedBodiesLargerAndSmallerThanTheLastAreReadWhole() throws Exception {
		String large = "{\"data\": \"" + "集群".repeat(40_000) + "\"}";
		String small = "{\"data\": 1}";
		try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			CompletableFuture<Void> served = CompletableFuture.runAsync(() -> serve(server, List.of(large, small)));
			try (KeepAliveHttp http = new KeepAliveHttp(
					URI.create("http://127.0.0.1:" + server.getLocalPort() + "/graphql"), Duration.ofSeconds(10))) {
				KeepAliveHttp.Response first = http.post("{}".getBytes(StandardCharsets.UTF_8));
				KeepAliveHttp.Response second = http.post("{}".getBytes(StandardCharsets.UTF_8));
				assertThat(first.status()).isEqualTo(200);
				assertThat(new String(first.body(), StandardCharsets.UTF_8)).isEqualTo(large);
				assertThat(new String(second.body(), StandardCharsets.UTF_8)).isEqualTo(small);
			}
			served.get();
		}
	}

	/**
	 * Answers each request on one connection with the next body, in chunks of 7,000
	 * bytes.
	 */
	private static void serve(ServerSocket server, List<String> bodies) {
		try (Socket socket = server.accept()) {
			BufferedReader in = new BufferedReader(
					new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
			OutputStream out = socket.getOutputStream();
			for (String body : bodies) {
				int length = 0;
				for (String header = in.readLine(); !header.isEmpty(); header = in.readLine()) {
					if (header.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
						length = Integer.parseInt(header.substring(15).trim());
					}
				}
				in.skip(length);
				out.write("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
				byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
				for (int from = 0; from < bytes.length; from += 7000) {
					int size = Math.min(7000, bytes.length - from);
					out.write((Integer.toHexString(size) + "\r\n").getBytes(StandardCharsets.US_ASCII));
					out.write(bytes, from, size);
					out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
				}
				out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
				out.flush();
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
