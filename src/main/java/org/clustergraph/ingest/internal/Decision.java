package org.clustergraph.ingest.internal;

import java.util.Objects;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

/**
 * One resolution decision: which rule produced a fact and the evidence it used. Two
 * decisions are equal when aspect, rule and detail are.
 * <p>
 * The detail of an identity decision is written when it is asked for, from the pair of
 * listings it is about: a large load merges hundreds of thousands of pairs, and each
 * detail is read once, when it is written.
 */
public final class Decision {

	private final String aspect;

	private final String rule;

	private final @Nullable String detail;

	private final @Nullable Supplier<String> written;

	/**
	 * A decision.
	 * @param aspect {@code PLACE}, {@code INDUSTRY} or {@code IDENTITY}
	 * @param rule the rule's name, such as {@code gazetteer-name} or {@code alias:TYPO}
	 * @param detail the evidence, in words a reviewer can check
	 */
	public Decision(String aspect, String rule, String detail) {
		this.aspect = Objects.requireNonNull(aspect);
		this.rule = Objects.requireNonNull(rule);
		this.detail = Objects.requireNonNull(detail);
		this.written = null;
	}

	private Decision(String aspect, String rule, Supplier<String> written) {
		this.aspect = aspect;
		this.rule = rule;
		this.detail = null;
		this.written = written;
	}

	/**
	 * A place decision.
	 * @param rule the rule
	 * @param detail the evidence
	 * @return the decision
	 */
	public static Decision place(String rule, String detail) {
		return new Decision("PLACE", rule, detail);
	}

	/**
	 * An industry decision.
	 * @param rule the rule
	 * @param detail the evidence
	 * @return the decision
	 */
	public static Decision industry(String rule, String detail) {
		return new Decision("INDUSTRY", rule, detail);
	}

	/**
	 * An identity decision.
	 * @param rule the rule
	 * @param detail the evidence
	 * @return the decision
	 */
	public static Decision identity(String rule, String detail) {
		return new Decision("IDENTITY", rule, detail);
	}

	/**
	 * An identity decision whose evidence is written when it is asked for.
	 * @param rule the rule
	 * @param detail writes the evidence, the same text every time
	 * @return the decision
	 */
	static Decision identity(String rule, Supplier<String> detail) {
		return new Decision("IDENTITY", rule, detail);
	}

	/**
	 * The aspect decided.
	 * @return {@code PLACE}, {@code INDUSTRY} or {@code IDENTITY}
	 */
	public String aspect() {
		return this.aspect;
	}

	/**
	 * The rule that decided.
	 * @return the rule's name, such as {@code gazetteer-name} or {@code alias:TYPO}
	 */
	public String rule() {
		return this.rule;
	}

	/**
	 * The evidence.
	 * @return the evidence, in words a reviewer can check
	 */
	public String detail() {
		return (this.detail != null) ? this.detail : this.written.get();
	}

	@Override
	public boolean equals(Object other) {
		return this == other || other instanceof Decision that && this.aspect.equals(that.aspect)
				&& this.rule.equals(that.rule) && detail().equals(that.detail());
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.aspect, this.rule, detail());
	}

	@Override
	public String toString() {
		return "Decision[aspect=" + this.aspect + ", rule=" + this.rule + ", detail=" + detail() + "]";
	}

}
