package org.clustergraph;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@code bin/jit-priority.sh}, which the run scripts ask for the options that run the JIT
 * compiler's threads ahead of the others: it offers them only to a user who may raise a
 * thread's priority, and a JVM started with them runs its compiler threads at nice -15.
 */
@EnabledOnOs(OS.LINUX)
class JitPriorityScriptTests {

	private static final Path SCRIPT = Path.of("bin/jit-priority.sh");

	private static final int CAP_SYS_NICE = 23;

	@TempDir
	Path dir;

	@Test
	void offersNothingWhenTurnedOff() throws Exception {
		assertThat(run(List.of(SCRIPT.toString()), Map.of("JIT_PRIORITY", "off"))).isEmpty();
	}

	@Test
	void offersTheOptionsExactlyWhenThisUserMayRaiseAPriority() throws Exception {
		assertThat(run(List.of(SCRIPT.toString()), Map.of())).as("what the script offers")
			.matches(mayRaiseAPriority() ? "-XX:ThreadPriorityPolicy=1 -XX:CompilerThreadPriority=-\\d+" : "");
	}

	@Test
	void offersNothingToAUserWithoutTheRight() throws Exception {
		assumeTrue(Files.isExecutable(Path.of("/usr/bin/setpriv")), "no setpriv to take the right away");
		// the same user without CAP_SYS_NICE, which a nice below 0 needs when the nice
		// limit does not allow it
		assumeTrue(niceLimit() < 35, "the nice limit allows -15 without the capability");
		assertThat(
				run(List.of("/usr/bin/setpriv", "--bounding-set=-sys_nice", "--inh-caps=-sys_nice", SCRIPT.toString()),
						Map.of()))
			.isEmpty();
	}

	@Test
	void itsOptionsRunTheCompilerThreadsAheadOfTheOthers() throws Exception {
		assumeTrue(mayRaiseAPriority(), "this user may not raise a thread's priority");
		String options = run(List.of(SCRIPT.toString()), Map.of());
		Path program = this.dir.resolve("Wait.java");
		Files.writeString(program, "class Wait { public static void main(String[] a) throws Exception "
				+ "{ System.out.println(\"up\"); Thread.sleep(60_000); } }");
		Map<String, Integer> withOptions = threadNiceness(List.of(options.split(" ")), program);
		Map<String, Integer> without = threadNiceness(List.of(), program);
		assertThat(withOptions).containsEntry("C2 CompilerThre", -15).containsEntry("C1 CompilerThre", -15);
		// the launcher's threads, the program's main among them, keep their name "java"
		assertThat(withOptions).containsEntry("java", 0);
		assertThat(without).containsEntry("C2 CompilerThre", 0).containsEntry("C1 CompilerThre", 0);
	}

	/**
	 * Whether this process may set a nice value of -15: it holds CAP_SYS_NICE, or its
	 * nice limit (20 less the lowest nice allowed) is at least 35.
	 */
	private static boolean mayRaiseAPriority() throws IOException {
		for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
			if (line.startsWith("CapEff:")) {
				long capabilities = Long.parseUnsignedLong(line.substring("CapEff:".length()).strip(), 16);
				if ((capabilities & (1L << CAP_SYS_NICE)) != 0) {
					return true;
				}
			}
		}
		return niceLimit() >= 35;
	}

	private static int niceLimit() throws IOException {
		for (String line : Files.readAllLines(Path.of("/proc/self/limits"))) {
			if (line.startsWith("Max nice priority")) {
				String soft = line.substring("Max nice priority".length()).strip().split("\\s+")[0];
				return soft.equals("unlimited") ? Integer.MAX_VALUE : Integer.parseInt(soft);
			}
		}
		return 0;
	}

	/** The nice value of each named thread of a JVM started with the options. */
	private static Map<String, Integer> threadNiceness(List<String> options, Path program) throws Exception {
		List<String> command = new ArrayList<>();
		command.add(ProcessHandle.current().info().command().orElseThrow());
		command.addAll(options);
		command.add(program.toString());
		Process jvm = new ProcessBuilder(command).redirectErrorStream(true).start();
		try {
			String first = new String(jvm.getInputStream().readNBytes(3), StandardCharsets.UTF_8);
			assertThat(first).as("the JVM's first output").isEqualTo("up\n");
			Map<String, Integer> niceness = new HashMap<>();
			try (var tasks = Files.list(Path.of("/proc", Long.toString(jvm.pid()), "task"))) {
				for (Path task : tasks.toList()) {
					String stat = Files.readString(task.resolve("stat"));
					String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
					// the fields after the name start with the third, the state; the nice
					// value is the nineteenth
					String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
					niceness.put(name, Integer.parseInt(fields[16]));
				}
			}
			return niceness;
		}
		finally {
			jvm.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
		}
	}

	private static String run(List<String> command, Map<String, String> environment)
			throws IOException, InterruptedException {
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
		builder.environment().putAll(environment);
		Process process = builder.start();
		String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
		assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
		assertThat(process.exitValue()).as(out).isZero();
		return out;
	}

}
