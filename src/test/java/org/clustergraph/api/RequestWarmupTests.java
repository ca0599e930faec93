package org.clustergraph.api;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.clustergraph.GraphTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The request warm-up against the running service on the seed graph: every operation of
 * {@code warmup/requests.graphql} is sent over HTTP and answered without errors, so the
 * warm-up and the AOT cache's training exercise the request path they are meant to, and a
 * change to the API that breaks one of them fails here rather than in a silent log line.
 */
@GraphTest
class RequestWarmupTests {

	@Autowired
	RequestWarmup warmup;

	@Test
	void sendsEveryOperationAndEachIsAnswered() {
		this.warmup.run(new DefaultApplicationArguments("--train=2"));
		RequestWarmup.Result result = this.warmup.last();
		Set<String> names = new TreeSet<>(
				RequestWarmup.operations().stream().map(RequestWarmup.Operation::name).toList());
		assertThat(names).contains("Lookup", "IndustryPeers", "ListPage", "Analysis");
		assertThat(result.sent().keySet()).containsExactlyInAnyOrderElementsOf(names);
		assertThat(result.sent()).allSatisfy((name, sent) -> assertThat(sent).as(name).isPositive());
		assertThat(result.failed()).as("failed requests per operation")
			.allSatisfy((name, failed) -> assertThat(failed).as(name).isZero());
	}

	@Test
	void sendsWeightedOperationsMoreOftenPerRound() {
		List<RequestWarmup.Operation> round = RequestWarmup.operations();
		Map<String, Long> perRound = round.stream()
			.collect(Collectors.groupingBy(RequestWarmup.Operation::name, Collectors.counting()));
		assertThat(perRound.get("Lookup")).isGreaterThan(perRound.get("Analysis"));
		assertThat(round).allSatisfy(
				(operation) -> assertThat(operation.document()).matches("(?s)query " + operation.name() + "[ (].*"));
		assertThat(round.stream().filter((operation) -> operation.document().indexOf("query ", 1) >= 0))
			.as("each document holds one operation")
			.isEmpty();
	}

	@Test
	void refusesATrainingTimeThatIsNotANumberOfSeconds() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.warmup.run(new DefaultApplicationArguments("--train=soon")))
			.withMessageContaining("--train")
			.withMessageContaining("soon");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.warmup.run(new DefaultApplicationArguments("--train=0")))
			.withMessageContaining("--train");
	}

}
