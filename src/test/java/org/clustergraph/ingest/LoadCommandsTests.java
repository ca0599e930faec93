package org.clustergraph.ingest;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.clustergraph.ingest.internal.ResolutionReport;
import org.clustergraph.ingest.internal.SourceException;
import org.clustergraph.ingest.internal.SourceProblem;
import org.clustergraph.neo4j.EmbeddedNeo4jLauncher;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.DefaultApplicationArguments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A startup load that another load's claim refuses keeps the service up and is tried
 * again in the background until it is not refused; an operator's command fails at once.
 */
class LoadCommandsTests {

	private static final LoadProperties PROPERTIES = new LoadProperties(null, Path.of("target/report.txt"), true, 1000,
			Duration.ofMinutes(10));

	private static LoadRefusedException refused(@Nullable Instant staleAt) {
		return new LoadRefusedException("Another load holds the claim", staleAt);
	}

	/**
	 * A loader whose loads answer, in turn, what it was given, and that tells when each
	 * is asked for.
	 */
	private static final class ScriptedLoader extends GraphLoader {

		private final Deque<Supplier<@Nullable ResolutionReport>> script;

		final LinkedBlockingQueue<Boolean> calls = new LinkedBlockingQueue<>();

		ScriptedLoader(List<Supplier<@Nullable ResolutionReport>> script) {
			super(null, PROPERTIES);
			this.script = new ArrayDeque<>(script);
		}

		@Override
		public @Nullable ResolutionReport load(boolean force) {
			this.calls.add(force);
			return this.script.removeFirst().get();
		}

	}

	private static LoadCommands commands(GraphLoader loader, Duration retryEvery) {
		return new LoadCommands(loader, null, PROPERTIES, new DefaultApplicationArguments(),
				new StaticListableBeanFactory().getBeanProvider(EmbeddedNeo4jLauncher.class), retryEvery);
	}

	@Test
	void aRefusedStartupLoadIsTriedAgainUntilItIsNotRefused() throws InterruptedException {
		ScriptedLoader loader = new ScriptedLoader(List.of(() -> {
			throw refused(Instant.now().plusSeconds(600));
		}, () -> {
			throw refused(null);
		}, () -> null));
		LoadCommands commands = commands(loader, Duration.ofMillis(50));
		commands.run(new DefaultApplicationArguments());
		assertThat(loader.calls.poll(1, TimeUnit.SECONDS)).as("the startup load, which may load when up to date")
			.isFalse();
		assertThat(loader.calls.poll(10, TimeUnit.SECONDS)).as("tried again after a claim that stays fresh").isFalse();
		assertThat(loader.calls.poll(10, TimeUnit.SECONDS)).as("and after a claim taken by another load").isFalse();
		assertThat(loader.calls.poll(300, TimeUnit.MILLISECONDS)).as("not tried once it was not refused").isNull();
		commands.destroy();
	}

	@Test
	void aRetryThatFailsOtherwiseStops() throws InterruptedException {
		ScriptedLoader loader = new ScriptedLoader(List.of(() -> {
			throw refused(null);
		}, () -> {
			throw new SourceException(new SourceProblem("seeds/a.md", 3, "a row without a name"));
		}));
		LoadCommands commands = commands(loader, Duration.ofMillis(50));
		commands.run(new DefaultApplicationArguments());
		assertThat(loader.calls.poll(10, TimeUnit.SECONDS)).isFalse();
		assertThat(loader.calls.poll(10, TimeUnit.SECONDS)).isFalse();
		assertThat(loader.calls.poll(300, TimeUnit.MILLISECONDS)).as("the inputs need fixing: no more tries").isNull();
		commands.destroy();
	}

	@Test
	void aReloadOrAnExitIsRefusedAtOnceAndNotTriedAgain() throws InterruptedException {
		for (String command : List.of("--reload", "--exit")) {
			ScriptedLoader loader = new ScriptedLoader(List.of(() -> {
				throw refused(null);
			}));
			LoadCommands commands = commands(loader, Duration.ofMillis(10));
			assertThatExceptionOfType(LoadRefusedException.class)
				.isThrownBy(() -> commands.run(new DefaultApplicationArguments(command)));
			assertThat(loader.calls.poll()).isNotNull();
			assertThat(loader.calls.poll(300, TimeUnit.MILLISECONDS)).as(command).isNull();
		}
	}

	@Test
	void theWaitIsUntilTheClaimGoesStaleAndAtMostTheInterval() {
		Instant now = Instant.parse("2026-12-06T12:00:00Z");
		Duration every = Duration.ofMinutes(1);
		assertThat(LoadCommands.retryDelay(refused(now.plusSeconds(20)), now, every)).isEqualTo(Duration.ofSeconds(21));
		assertThat(LoadCommands.retryDelay(refused(now.plusSeconds(600)), now, every)).isEqualTo(every);
		assertThat(LoadCommands.retryDelay(refused(now.minusSeconds(5)), now, every)).isEqualTo(Duration.ZERO);
		assertThat(LoadCommands.retryDelay(refused(null), now, every)).isEqualTo(every);
	}

}
