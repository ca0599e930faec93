package org.clustergraph.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * The service's process as Linux's {@code /proc} shows it: found by the TCP port it
 * listens on, with its resident memory sampled in the background and its CPU time.
 */
final class ServiceProcess implements AutoCloseable {

	/** Linux's USER_HZ, the unit of the CPU times in {@code /proc/<pid>/stat}. */
	private static final int TICKS_PER_SECOND = 100;

	private final long pid;

	private final long sampleMillis;

	private final AtomicLong windowMaxKb = new AtomicLong();

	private final AtomicLong overallMaxKb = new AtomicLong();

	private final Thread sampler;

	private ServiceProcess(long pid, long sampleMillis) {
		this.pid = pid;
		this.sampleMillis = sampleMillis;
		this.sampler = Thread.ofPlatform().daemon().name("bench-rss-sampler").unstarted(this::sample);
	}

	/** Starts sampling the process's RSS every {@code sampleMillis}. */
	static ServiceProcess watch(long pid, long sampleMillis) {
		ServiceProcess process = new ServiceProcess(pid, sampleMillis);
		long rss = process.rssKb();
		if (rss < 0) {
			throw new IllegalArgumentException("No process " + pid + " to watch (no /proc/" + pid + "/status)");
		}
		process.sampler.start();
		return process;
	}

	long pid() {
		return this.pid;
	}

	/**
	 * Where the embedded Neo4j of the process keeps its generated Bolt password:
	 * {@code bolt-password} in its store directory, {@code CLUSTERGRAPH_DATA_DIR} from
	 * its environment (default {@code data/neo4j}) against its working directory. Reading
	 * another user's process environment needs their rights.
	 * @return the file, or null when the process's environment cannot be read
	 */
	Path embeddedPasswordFile() {
		Path proc = Path.of("/proc", Long.toString(this.pid));
		try {
			String store = "data/neo4j";
			for (String variable : new String(Files.readAllBytes(proc.resolve("environ")), StandardCharsets.UTF_8)
				.split("\0")) {
				if (variable.startsWith("CLUSTERGRAPH_DATA_DIR=") && variable.length() > 22) {
					store = variable.substring(22);
				}
			}
			return proc.resolve("cwd").toRealPath().resolve(store).resolve("bolt-password");
		}
		catch (IOException ex) {
			return null;
		}
	}

	/** The current VmRSS in KiB, or -1 when the process is gone. */
	long rssKb() {
		try {
			for (String line : Files.readAllLines(Path.of("/proc", Long.toString(this.pid), "status"))) {
				if (line.startsWith("VmRSS:")) {
					return Long.parseLong(line.substring(6).trim().split("\\s+")[0]);
				}
			}
			return -1;
		}
		catch (IOException ex) {
			return -1;
		}
	}

	/** The process's user plus system CPU time in milliseconds, or -1 when it is gone. */
	long cpuMillis() {
		try {
			String stat = Files.readString(Path.of("/proc", Long.toString(this.pid), "stat"));
			// Fields after the command name, which is in parentheses and may hold spaces:
			// state is field 3, utime field 14 and stime field 15.
			String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
			long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
			return ticks * 1000 / TICKS_PER_SECOND;
		}
		catch (IOException | RuntimeException ex) {
			return -1;
		}
	}

	/** The highest RSS sampled since the last call (or the start), in KiB. */
	long takeWindowMaxKb() {
		long current = rssKb();
		this.overallMaxKb.accumulateAndGet(current, Math::max);
		return Math.max(current, this.windowMaxKb.getAndSet(current));
	}

	/** The highest RSS sampled since the start, in KiB. */
	long overallMaxKb() {
		return this.overallMaxKb.get();
	}

	private void sample() {
		while (!Thread.currentThread().isInterrupted()) {
			long rss = rssKb();
			this.windowMaxKb.accumulateAndGet(rss, Math::max);
			this.overallMaxKb.accumulateAndGet(rss, Math::max);
			try {
				Thread.sleep(this.sampleMillis);
			}
			catch (InterruptedException ex) {
				return;
			}
		}
	}

	@Override
	public void close() {
		this.sampler.interrupt();
	}

	/**
	 * The processes with a TCP socket listening on the port, on any address, IPv4 or
	 * IPv6. Reading other users' {@code /proc/<pid>/fd} needs their rights.
	 */
	static List<Long> listeningOn(int port) {
		Set<String> inodes = new HashSet<>();
		String hexPort = String.format(Locale.ROOT, ":%04X", port);
		for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
			try {
				for (String line : Files.readAllLines(Path.of(table))) {
					String[] fields = line.trim().split("\\s+");
					// local_address is field 1 (address:port in hex), st field 3 (0A is
					// LISTEN),
					// inode field 9.
					if (fields.length > 9 && fields[1].endsWith(hexPort) && fields[3].equals("0A")) {
						inodes.add("socket:[" + fields[9] + "]");
					}
				}
			}
			catch (IOException ex) {
				// No such table (no IPv6, or not Linux): nothing listens there.
			}
		}
		if (inodes.isEmpty()) {
			return List.of();
		}
		try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
			return processes.filter((dir) -> dir.getFileName().toString().matches("\\d+"))
				.filter((dir) -> holdsAny(dir.resolve("fd"), inodes))
				.map((dir) -> Long.parseLong(dir.getFileName().toString()))
				.sorted()
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static boolean holdsAny(Path fds, Set<String> sockets) {
		try (Stream<Path> links = Files.list(fds)) {
			return links.anyMatch((link) -> {
				try {
					return sockets.contains(Files.readSymbolicLink(link).toString());
				}
				catch (IOException | UnsupportedOperationException ex) {
					return false;
				}
			});
		}
		catch (IOException | SecurityException ex) {
			return false;
		}
	}

}
