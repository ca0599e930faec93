package org.clustergraph.ingest.internal;

/**
 * One resolution decision: which rule produced a fact and the evidence it used.
 *
 * @param aspect {@code PLACE}, {@code INDUSTRY} or {@code IDENTITY}
 * @param rule the rule's name, such as {@code gazetteer-name} or {@code alias:TYPO}
 * @param detail the evidence, in words a reviewer can check
 */
public record Decision(String aspect, String rule, String detail) {

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

}
