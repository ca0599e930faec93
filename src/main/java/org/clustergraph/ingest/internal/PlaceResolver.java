package org.clustergraph.ingest.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

/**
 * Reads the place words at the start of a cluster's name, together with the list's
 * context, and places the listing in the most specific region(s) they identify.
 * <p>
 * Place words are read left to right, longest first: official names and short names of
 * provinces, prefectures and counties anywhere, of townships only inside a known
 * prefecture or county, and the curated aliases. Each word must lie inside the region
 * read before it (or the list's context); a parenthesized list names several regions
 * inside it. Reading stops at the first word that is no place; the rest, without its
 * suffix, is the industry phrase.
 */
public final class PlaceResolver {

	private static final List<String> SUFFIXES = List.of("创新型产业集群", "高新技术产业集群", "产业集群", "产业联盟", "产业群", "集群", "概况");

	private final Gazetteer gazetteer;

	private final Map<String, List<Alias>> aliases = new HashMap<>();

	private final int longest;

	/**
	 * The phrases, place lists, decisions and decision lists of the placements returned
	 * so far: many listings share each, and a load keeps them all.
	 */
	private final Shared shared = new Shared();

	/**
	 * Creates a resolver.
	 * @param gazetteer the regions
	 * @param aliasRows the rows of {@code region-aliases.csv}
	 * @throws SourceException when an alias names an unknown region or kind
	 */
	public PlaceResolver(Gazetteer gazetteer, List<Csv.Row> aliasRows) {
		this.gazetteer = gazetteer;
		int longestAlias = 0;
		for (Csv.Row row : aliasRows) {
			Alias alias = Alias.of(row, gazetteer);
			this.aliases.computeIfAbsent(alias.text(), (t) -> new ArrayList<>()).add(alias);
			longestAlias = Math.max(longestAlias, alias.text().length());
		}
		this.longest = Math.max(longestAlias, gazetteer.longestName());
	}

	/**
	 * Resolves the context a list gives an entry ("浙江", "嘉兴市"; a Hubei heading) to its
	 * deepest region.
	 * @param province the province every entry of the list lies in (short or public
	 * code), or null
	 * @param context the context words, outermost first
	 * @return the deepest context region, or null when there is none
	 */
	public @Nullable Place context(@Nullable String province, List<String> context) {
		Place scope = (province != null) ? this.gazetteer.find(province) : null;
		for (String word : context) {
			Reading reading = read(Text.normalize(word), scope);
			if (reading.places().size() == 1 && reading.rest().isEmpty()) {
				scope = reading.places().get(0);
			}
		}
		return scope;
	}

	/**
	 * Places one name.
	 * @param name the name as listed
	 * @param context the deepest region of the list's context, or null
	 * @return the placement
	 */
	public Placement resolve(String name, @Nullable Place context) {
		String text = Text.normalize(name);
		Reading reading = read(text, context);
		List<Decision> decisions = new ArrayList<>(reading.decisions());
		List<Place> places = reading.places();
		if (places.isEmpty() && context != null) {
			places = List.of(context);
			decisions.add(Decision.place("list-context", "the name names no place of its own; the list places it in "
					+ context.name() + " (" + context.code() + ")"));
		}
		else if (places.isEmpty()) {
			decisions.add(Decision.place("unresolved", "no place word found at the start of '" + text + "'"));
		}
		decisions.replaceAll(this.shared::of);
		return new Placement(this.shared.of(List.copyOf(places)), this.shared.of(industryPhrase(reading.rest())),
				this.shared.of(List.copyOf(decisions)), reading.ambiguous());
	}

	private Reading read(String text, @Nullable Place context) {
		List<Place> frontier = new ArrayList<>();
		List<Decision> decisions = new ArrayList<>();
		boolean ambiguous = false;
		boolean sibling = false;
		int pos = 0;
		while (pos < text.length()) {
			char c = text.charAt(pos);
			if (c == '·' || c == '・' || c == ' ') {
				sibling = !frontier.isEmpty();
				pos++;
				continue;
			}
			Place scope = scope(frontier, context, sibling);
			if (c == '(') {
				int close = text.indexOf(')', pos);
				List<Place> items = (close > pos) ? readList(text.substring(pos + 1, close), scope, decisions) : null;
				if (items == null) {
					break;
				}
				frontier = new ArrayList<>(items);
				pos = close + 1;
				continue;
			}
			Token token = token(text, pos, scope);
			if (token == null) {
				break;
			}
			if (token.ambiguous()) {
				ambiguous = true;
				decisions.add(Decision.place("ambiguous", token.detail()));
				break;
			}
			decisions.add(Decision.place(token.rule(), token.detail()));
			pos += token.text().length();
			if (token.places().isEmpty()) {
				// An IGNORE alias: a descriptive word that names no region and changes
				// nothing.
				continue;
			}
			// A word naming the scope itself or an outer region ("浙江" in a Zhejiang
			// list) restates what is known and narrows nothing.
			boolean restatement = scope != null
					&& token.places().stream().allMatch((p) -> this.gazetteer.within(scope, p));
			if (restatement) {
				if (frontier.isEmpty() && token.places().contains(scope)) {
					frontier = new ArrayList<>(token.places());
				}
			}
			else if (sibling) {
				frontier.addAll(token.places());
			}
			else {
				frontier = new ArrayList<>(token.places());
			}
			sibling = false;
		}
		return new Reading(frontier, text.substring(Math.min(pos, text.length())), decisions, ambiguous);
	}

	private @Nullable List<Place> readList(String inside, @Nullable Place scope, List<Decision> decisions) {
		List<Place> items = new ArrayList<>();
		List<Decision> itemDecisions = new ArrayList<>();
		for (String item : inside.split("[、,/]")) {
			Reading reading = read(item.strip(), scope);
			if (reading.places().isEmpty() || !reading.rest().isEmpty() || reading.ambiguous()) {
				return null;
			}
			items.addAll(reading.places());
			itemDecisions.addAll(reading.decisions());
		}
		decisions.addAll(itemDecisions);
		return items;
	}

	private @Nullable Place scope(List<Place> frontier, @Nullable Place context, boolean sibling) {
		if (frontier.size() == 1) {
			Place last = frontier.get(0);
			if (sibling) {
				Place unit = this.gazetteer.prefectureUnit(last);
				return (unit != null && !unit.equals(last)) ? unit : context;
			}
			return (context != null && this.gazetteer.within(context, last)) ? context : last;
		}
		return context;
	}

	private @Nullable Token token(String text, int pos, @Nullable Place scope) {
		for (int length = Math.min(this.longest, text.length() - pos); length >= 2; length--) {
			String word = text.substring(pos, pos + length);
			List<Alias> aliasHits = this.aliases.getOrDefault(word, List.of())
				.stream()
				.filter((a) -> a.admissible(scope, this.gazetteer))
				.toList();
			if (!aliasHits.isEmpty()) {
				Alias alias = aliasHits.get(0);
				return new Token(word, alias.targets(), "alias:" + alias.kind(),
						"'" + word + "' -> " + describe(alias.targets()) + " (region-aliases.csv:" + alias.line() + ": "
								+ alias.reason() + ")",
						false);
			}
			List<Place> hits = this.gazetteer.named(word).stream().filter((p) -> admissible(p, scope)).toList();
			if (hits.isEmpty()) {
				continue;
			}
			int best = hits.stream().mapToInt((p) -> p.level().ordinal()).min().orElseThrow();
			List<Place> top = hits.stream().filter((p) -> p.level().ordinal() == best).toList();
			if (top.size() > 1) {
				return new Token(
						word, top, "ambiguous", "'" + word + "' names " + describe(top)
								+ ((scope != null) ? " inside " + scope.name() : "") + "; add an alias row to decide",
						true);
			}
			Place place = top.get(0);
			String how = word.equals(Text.normalize(place.name())) ? "official name" : "short name";
			return new Token(word, List.of(place), "gazetteer-name", "'" + word + "' is the " + how + " of "
					+ describe(List.of(place)) + ((scope != null) ? " inside " + scope.name() : ""), false);
		}
		return null;
	}

	private boolean admissible(Place place, @Nullable Place scope) {
		if (scope == null) {
			return place.level() != Place.Level.TOWNSHIP;
		}
		if (this.gazetteer.within(scope, place)) {
			return true;
		}
		if (!this.gazetteer.within(place, scope)) {
			return false;
		}
		return place.level() != Place.Level.TOWNSHIP || scope.level() != Place.Level.PROVINCE;
	}

	private String describe(List<Place> places) {
		return places.stream()
			.map((p) -> p.name() + " (" + p.code() + ", " + this.gazetteer.province(p).name() + ")")
			.collect(Collectors.joining(" and "));
	}

	/**
	 * The industry part of what follows the place words: the list's suffix removed.
	 * @param rest the name after its place words
	 * @return the industry phrase
	 */
	static String industryPhrase(String rest) {
		String phrase = rest;
		while (!phrase.isEmpty() && "·・ ".indexOf(phrase.charAt(0)) >= 0) {
			phrase = phrase.substring(1);
		}
		for (String suffix : SUFFIXES) {
			if (phrase.endsWith(suffix) && phrase.length() > suffix.length()) {
				return phrase.substring(0, phrase.length() - suffix.length());
			}
		}
		return phrase;
	}

	private record Reading(List<Place> places, String rest, List<Decision> decisions, boolean ambiguous) {
	}

	private record Token(String text, List<Place> places, String rule, String detail, boolean ambiguous) {
	}

	/**
	 * A curated alias row.
	 */
	private record Alias(String text, List<Place> targets, String kind, @Nullable Place scope, String reason,
			int line) {

		static Alias of(Csv.Row row, Gazetteer gazetteer) {
			String kind = row.get("kind");
			if (!List.of("RENAMED", "TYPO", "ZONE", "AREA", "SHORT", "IGNORE").contains(kind)) {
				throw new SourceException(row.problem("unknown alias kind '" + kind + "'"));
			}
			List<Place> targets = new ArrayList<>();
			for (String code : row.get("codes").split(";")) {
				if (code.isBlank()) {
					continue;
				}
				Place place = gazetteer.find(code.strip());
				if (place == null) {
					throw new SourceException(row
						.problem("alias '" + row.get("alias") + "' names unknown region '" + code.strip() + "'"));
				}
				targets.add(place);
			}
			if (targets.isEmpty() != "IGNORE".equals(kind)) {
				throw new SourceException(
						row.problem("an IGNORE alias names no region and every other alias names one"));
			}
			Place scope = row.get("scope").isBlank() ? null : gazetteer.find(row.get("scope"));
			if (!row.get("scope").isBlank() && scope == null) {
				throw new SourceException(row.problem("unknown scope '" + row.get("scope") + "'"));
			}
			targets.sort(Comparator.comparing(Place::code));
			return new Alias(Text.normalize(row.get("alias")), List.copyOf(targets), kind, scope, row.get("reason"),
					row.line());
		}

		boolean admissible(@Nullable Place current, Gazetteer gazetteer) {
			if (this.scope != null && (current == null
					|| !(gazetteer.within(current, this.scope) || gazetteer.within(this.scope, current)))) {
				return false;
			}
			return current == null || this.targets.isEmpty() || this.targets.stream()
				.allMatch((t) -> gazetteer.within(t, current) || gazetteer.within(current, t));
		}

	}

	/**
	 * Where one listing's name and context place it.
	 *
	 * @param places the most specific regions; empty when unresolved
	 * @param industryPhrase the industry part of the name
	 * @param decisions how each place word was read
	 * @param ambiguous whether a place word named several regions and reading stopped
	 * there
	 */
	public record Placement(List<Place> places, String industryPhrase, List<Decision> decisions, boolean ambiguous) {
	}

}
