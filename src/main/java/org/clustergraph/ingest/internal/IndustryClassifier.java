package org.clustergraph.ingest.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

/**
 * Classifies an industry phrase into GB/T 4754-2017 from what the standard itself says,
 * so that phrases no list has used before are classified too:
 * <ol>
 * <li>the words of {@link IndustryLexicon} (the standard's names and notes, and the
 * curated keyword table) are found in the phrase, longest first, each match using up its
 * characters;</li>
 * <li>a part word (零部件, 部件, 配件...) takes the industry of what it is a part of: the parts
 * class of that industry where the standard has one (汽车 → 3670 汽车零部件及配件制造), that industry
 * itself where it has none, and 348 通用零部件制造 when the phrase names nothing it belongs
 * to;</li>
 * <li>the phrase's head decides the kind of industry: a phrase ending in 服务, 软件, 平台... is
 * a service (sections F to T), one ending in 种植, 养殖... is farming (section A), one ending
 * in 加工, 制造, 设备... is manufacturing (sections B to D); a word matched outside those
 * sections is taken as a modifier and the phrase is classified again inside them;</li>
 * <li>a phrase the lexicon knows nothing of goes to the industry whose texts are nearest
 * to it ({@link CharacterIndex}).</li>
 * </ol>
 * Every industry comes with a confidence and the evidence that produced it.
 */
public final class IndustryClassifier {

	/** Below this cosine, the nearest industry is not taken. */
	static final double NEAREST_MINIMUM = 0.05;

	/**
	 * From this score up, the nearest industry by name is taken without looking at notes.
	 */
	static final double NAME_MINIMUM = 0.6;

	/** Below this score, the nearest equipment or material of a modifier is not taken. */
	static final double OBJECT_MINIMUM = 0.35;

	private static final List<String> TRAILING_ACTIVITY = List.of("绿色智能制造", "智能制造", "绿色制造", "精深加工", "深加工", "制造业", "制造",
			"生产");

	private static final List<String> TRAILING = List.of("产业集群", "产业群", "集群", "产业", "行业");

	/**
	 * Words that before another industry word say what kind of it is meant, not an
	 * industry of their own (新能源汽车, 智能装备).
	 */
	private static final Set<String> ATTRIBUTES = Set.of("新能源", "智能", "智慧", "数字", "数智", "绿色", "高端", "节能", "新型", "先进",
			"现代", "特色", "精密", "高性能", "高效", "商用", "民用", "工业");

	private final IndustryTree tree;

	private final IndustryLexicon lexicon;

	private final CharacterIndex names;

	private final CharacterIndex texts;

	/**
	 * The classification of every phrase classified so far: one phrase classifies alike
	 * wherever it stands, and a load names a few thousand phrases across hundreds of
	 * thousands of listings, which then share one classification each.
	 */
	private final Map<String, Classification> classified = new ConcurrentHashMap<>();

	/**
	 * Creates a classifier from the standard's names and the keyword table only.
	 * @param tree the classification
	 * @param keywords the rows of {@code industry-keywords.csv}
	 */
	public IndustryClassifier(IndustryTree tree, List<Csv.Row> keywords) {
		this(tree, keywords, List.of(), List.of());
	}

	/**
	 * Creates a classifier.
	 * @param tree the classification
	 * @param keywords the rows of {@code industry-keywords.csv}
	 * @param notes the rows of {@code gbt4754-2017-notes.csv}
	 * @param products the rows of tables naming products with their class
	 * ({@code code,term})
	 * @throws SourceException when a table names an unknown code or repeats a keyword
	 */
	public IndustryClassifier(IndustryTree tree, List<Csv.Row> keywords, List<Csv.Row> notes, List<Csv.Row> products) {
		this(tree, keywords, notes, products, List.of());
	}

	/**
	 * Creates a classifier with the product vocabulary too.
	 * @param tree the classification
	 * @param keywords the rows of {@code industry-keywords.csv}
	 * @param notes the rows of {@code gbt4754-2017-notes.csv}
	 * @param products the rows of tables naming products with their class
	 * ({@code code,term})
	 * @param vocabulary the rows of {@code product-vocabulary.csv}
	 * ({@code code,term,note})
	 * @throws SourceException when a table names an unknown code or repeats a keyword
	 */
	public IndustryClassifier(IndustryTree tree, List<Csv.Row> keywords, List<Csv.Row> notes, List<Csv.Row> products,
			List<Csv.Row> vocabulary) {
		this.tree = tree;
		this.lexicon = IndustryLexicon.of(tree, keywords, notes, products, vocabulary);
		Map<String, List<String>> texts = new HashMap<>();
		for (Csv.Row note : notes) {
			texts.computeIfAbsent(note.get("code"), (c) -> new ArrayList<>())
				.add(IndustryLexicon.included(note.get("note")));
		}
		for (Csv.Row product : products) {
			texts.computeIfAbsent(product.get("code"), (c) -> new ArrayList<>()).add(product.get("term"));
		}
		for (Csv.Row term : vocabulary) {
			texts.computeIfAbsent(term.get("code"), (c) -> new ArrayList<>()).add(term.get("term"));
		}
		for (Csv.Row keyword : keywords) {
			for (String code : keyword.get("codes").split(";")) {
				texts.computeIfAbsent(code.strip(), (c) -> new ArrayList<>()).add(keyword.get("keyword"));
			}
		}
		this.names = CharacterIndex.of(tree, Map.of());
		this.texts = CharacterIndex.of(tree, texts);
	}

	/**
	 * Classifies a phrase. A phrase classified before gets the same classification again,
	 * the very object.
	 * @param phrase the industry phrase (place words and suffix removed)
	 * @return the most specific industries with their confidence and evidence
	 */
	public Classification classify(String phrase) {
		Classification known = this.classified.get(phrase);
		if (known == null) {
			known = classifyNew(phrase);
			Classification raced = this.classified.putIfAbsent(phrase, known);
			known = (raced != null) ? raced : known;
		}
		return known;
	}

	private Classification classifyNew(String phrase) {
		String text = core(phrase);
		if (text.length() > 1 && text.endsWith("业") && this.lexicon.find(text) == null) {
			text = text.substring(0, text.length() - 1);
		}
		if (text.isEmpty()) {
			return new Classification(List.of(),
					List.of(Decision.industry("unclassified", "the name has no industry words")));
		}
		List<List<Assignment>> conjuncts = new ArrayList<>();
		Found previous = null;
		for (String component : withSharedHead(components(text))) {
			Part part = component(component, previous);
			conjuncts.add(part.assignments());
			previous = part.head();
		}
		List<Assignment> assignments = new ArrayList<>();
		conjuncts.stream().filter((c) -> !namesTheKindOfAnother(c, conjuncts)).forEach(assignments::addAll);
		if (assignments.stream().anyMatch((a) -> !a.rule().equals("nearest-text"))) {
			// where words of the lexicon name the industry, a component nothing names
			// (the
			// 深加工 of 铜冶炼及深加工, the 中低压 of 中低压及新能源电线电缆) only qualifies it
			assignments.removeIf((a) -> a.rule().equals("nearest-text"));
		}
		return result(text, assignments);
	}

	/**
	 * Whether a conjunct only names the kind another conjunct's class belongs to
	 * (机器人及智能装备: 智能装备, 34 and 35, is the kind 3491 工业机器人制造 is one of), as a broad word
	 * before a specific one does inside a component (机器人智能装备).
	 */
	private boolean namesTheKindOfAnother(List<Assignment> conjunct, List<List<Assignment>> conjuncts) {
		if (conjunct.isEmpty() || conjunct.stream().anyMatch((a) -> a.industry().level().equals("CLASS"))) {
			return false;
		}
		return conjuncts.stream()
			.filter((other) -> other != conjunct)
			.flatMap(List::stream)
			.filter((a) -> a.industry().level().equals("CLASS"))
			.anyMatch((a) -> conjunct.stream().anyMatch((b) -> this.tree.isUnder(a.industry(), b.industry())));
	}

	/**
	 * The parts of a phrase that name one industry each: it is cut at its conjunctions
	 * (船舶与海洋工程装备) unless the lexicon knows it whole.
	 */
	private List<String> components(String text) {
		if (this.lexicon.find(text) != null) {
			return List.of(text);
		}
		List<String> components = new ArrayList<>();
		for (String component : text.split("以及|及|和|与|、|暨|/|\\+")) {
			if (!component.isBlank()) {
				components.add(component.strip());
			}
		}
		return components.isEmpty() ? List.of(text) : components;
	}

	/**
	 * The components with the head they share: in Chinese a coordination's last head word
	 * is also the head of the conjuncts before it that end in no head of their own, where
	 * the last conjunct names what its head is for (新能源与智能电网装备 is 新能源装备 and 智能电网装备;
	 * 钛及钛合金材料 is 钛材料 and 钛合金材料); a last component that is only the head (电力智能控制与设备) adds
	 * nothing the others do not carry. Only equipment and material heads are shared: they
	 * name the object made, while 制造 or 服务 after a list of products already say only what
	 * is done with each.
	 */
	private List<String> withSharedHead(List<String> components) {
		if (components.size() < 2) {
			return components;
		}
		String last = components.get(components.size() - 1);
		Scope scope = Scope.of(last);
		if (!scope.namesAnObject()) {
			return components;
		}
		String head = scope.headWord(last);
		if (!last.equals(head) && scope.withoutHead(last).isEmpty()) {
			// a head after attributes only (the 智能装备 of 生物医药及智能装备) is an industry of
			// its own, not a head the others share
			return components;
		}
		List<String> shared = new ArrayList<>();
		boolean given = false;
		for (String component : components.subList(0, components.size() - 1)) {
			boolean headless = Scope.of(component) == Scope.ANY;
			shared.add(headless ? component + head : component);
			given |= headless;
		}
		if (!(given && last.equals(head))) {
			shared.add(last);
		}
		return shared;
	}

	private Part component(String component, @Nullable Found previous) {
		Scope scope = Scope.of(component);
		String text = withoutTrailingActivity(component);
		boolean[] used = new boolean[text.length()];
		List<Found> found = lexiconMatches(text, used);
		partsOf(text, used, found, previous);
		found = headAndCoordinates(found);
		double coverage = coverage(used, text);
		List<Assignment> matched = new ArrayList<>();
		found.forEach((f) -> matched.addAll(f.assignments(coverage)));
		// a word the standard uses for goods and for a service (饮料: 饮料制造, 饮料及冷饮服务)
		// means the one the head allows: a service only where the head says so
		boolean service = scope == Scope.SERVICE;
		List<Assignment> ofKind = matched.stream()
			.filter((a) -> Scope.SERVICE.contains(this.tree, a.industry()) == service)
			.toList();
		if (!ofKind.isEmpty()) {
			matched.retainAll(ofKind);
		}
		Found head = found.isEmpty() ? null : found.get(found.size() - 1);
		if (scope != Scope.ANY) {
			List<Assignment> inside = matched.stream().filter((a) -> scope.contains(this.tree, a.industry())).toList();
			// a broad or note-only match in scope is worth less than the standard's own
			// equipment or material for what the modifier names
			boolean broad = inside.stream()
				.allMatch((a) -> !a.industry().level().equals("CLASS") || a.rule().equals("standard-note"));
			String modifier = scope.withoutHead(component);
			if (scope.namesAnObject() && broad && !modifier.isEmpty() && modifier.length() < component.length()) {
				// 石化装备: the equipment of what the modifier names, where the standard has
				// it; a broad industry the words already name in scope (382 of 输变电设备) is
				// only refined by a class under it, never traded for an unrelated one
				List<IndustryTree.Industry> named = inside.stream()
					.filter((a) -> !a.rule().equals("standard-note"))
					.map(Assignment::industry)
					.toList();
				Assignment byName = named.isEmpty() ? nameContaining(component, modifier, scope) : null;
				if (byName != null) {
					return new Part(List.of(byName), head);
				}
				CharacterIndex.Match nearest = named.isEmpty() ? lookupObject(modifier, scope) : lookupObject(modifier,
						scope, (i) -> named.stream().anyMatch((n) -> n.equals(i) || this.tree.isUnder(i, n)));
				if (nearest != null && nearest.industry().level().equals("CLASS")) {
					return new Part(List.of(headed(component, scope, matched, nearest)), head);
				}
			}
			if (scope == Scope.EQUIPMENT && !inside.isEmpty()
					&& inside.stream().noneMatch((a) -> machine(a.industry().name()))) {
				// 锂电池设备: the machinery that makes the product, not the product
				CharacterIndex.Match nearest = lookupObject(modifier, Scope.MACHINERY);
				if (nearest != null) {
					return new Part(List.of(headed(component, Scope.MACHINERY, matched, nearest)), head);
				}
			}
			if (!inside.isEmpty()) {
				return new Part(inside, head);
			}
			if (scope == Scope.EQUIPMENT && !modifier.isEmpty() && modifier.length() < component.length()) {
				Assignment byName = nameContaining(component, modifier, scope);
				// else a word of two characters inside the modifier (配电 of 配电网), the
				// first
				// that the standard's class names of this kind contain
				for (int at = 0; byName == null && modifier.length() > 2 && at + 2 <= modifier.length(); at++) {
					byName = nameContaining(component, modifier.substring(at, at + 2), scope);
				}
				// else equipment named after the industry the modifier names outside
				// equipment (智能电网 is 4420 电力供应: the classes named after 电力)
				if (byName == null) {
					byName = matched.stream()
						.flatMap((use) -> IndustryLexicon.termsOfName(use.industry().name()).stream())
						.map((word) -> nameContaining(component, word, scope))
						.filter(Objects::nonNull)
						.findFirst()
						.orElse(null);
				}
				if (byName != null) {
					return new Part(List.of(byName), head);
				}
				// equipment for a use the standard does not name (岩土工程装备, 应急抢险救援装备):
				// the standard files equipment made for one use under 35 专用设备制造业
				IndustryTree.Industry special = this.tree.find("35");
				return new Part(List
					.of(new Assignment(special, 0.5, "head",
							"the phrase's head makes it equipment for '" + modifier + "', which the standard does not "
									+ "name; equipment made for one use is 35 " + special.name()
									+ (matched.isEmpty() ? "" : ", and "
											+ matched.stream().map((a) -> a.industry().code()).distinct().toList()
											+ " only modify it"))),
						head);
			}
			if (!matched.isEmpty()) {
				// a word that names an industry outside the head's scope (a farm's 茶 in
				// 茶制造) means what the classes named after it in scope make
				for (Found word : found) {
					Assignment byName = (word.sense() != null) ? nameContaining(component, word.sense().term(), scope)
							: null;
					if (byName != null) {
						return new Part(List.of(byName), head);
					}
				}
				CharacterIndex.Match nearest = lookup(text, scope);
				if (nearest != null && nearest.score() >= NEAREST_MINIMUM) {
					return new Part(List.of(headed(component, scope, matched, nearest)), head);
				}
				return new Part(matched, head);
			}
		}
		if (!matched.isEmpty()) {
			return new Part(matched, head);
		}
		Scope where = (scope != Scope.ANY) ? scope : Scope.PRODUCTION;
		CharacterIndex.Match nearest = lookup(text, where);
		if ((nearest == null || nearest.score() < NEAREST_MINIMUM) && scope == Scope.ANY) {
			nearest = lookup(text, Scope.ANY);
		}
		if (nearest != null && nearest.score() >= NEAREST_MINIMUM) {
			return new Part(List.of(nearest(component, nearest, where)), head);
		}
		return new Part(List.of(), head);
	}

	/**
	 * A component without the words after its industry that only say it is made (智能制造,
	 * 精深加工), unless the lexicon knows the whole component.
	 */
	private String withoutTrailingActivity(String component) {
		if (this.lexicon.find(component) != null) {
			return component;
		}
		for (String tail : TRAILING_ACTIVITY) {
			if (component.endsWith(tail) && component.length() >= tail.length() + 2) {
				return component.substring(0, component.length() - tail.length());
			}
		}
		return component;
	}

	/**
	 * Keeps the head (the last word matched) and the words before it that name an
	 * industry of their own: two broad industries side by side (化工医药, 食品饮料) are both
	 * meant, a specific word the standard or the table names refines a broad head
	 * (机器人智能装备), and any other word before the head only modifies it (中低压阀门, 汽车电子芯片).
	 */
	private List<Found> headAndCoordinates(List<Found> found) {
		if (found.size() < 2) {
			return found;
		}
		Found head = found.get(found.size() - 1);
		List<Found> kept = new ArrayList<>();
		boolean headKept = true;
		for (Found match : found.subList(0, found.size() - 1)) {
			if (match.sense() != null && ATTRIBUTES.contains(match.sense().term())) {
				continue;
			}
			if (broad(match) && broad(head)) {
				kept.add(match);
			}
			else if (broad(head) && !broad(match) && match.sense() != null && !match.sense().source().equals("note")
					&& match.industries()
						.stream()
						.allMatch((i) -> head.industries()
							.stream()
							.anyMatch((h) -> this.tree.division(h).equals(this.tree.division(i))))) {
				kept.add(match);
				headKept = false;
			}
		}
		if (headKept) {
			kept.add(head);
		}
		return kept;
	}

	private static boolean broad(Found match) {
		return match.partDetail() == null && match.industries().stream().noneMatch((i) -> i.level().equals("CLASS"));
	}

	/**
	 * The industry nearest to a text within a scope: by the standard's names where one
	 * shares most of the text's weight, else by every text the classifier knows. Trade,
	 * rental and repair are looked among only for services, and machinery only for a text
	 * that names a machine.
	 */
	private CharacterIndex.@Nullable Match lookup(String text, Scope scope) {
		return lookup(text, scope, (i) -> true);
	}

	private CharacterIndex.@Nullable Match lookup(String text, Scope scope, Predicate<IndustryTree.Industry> within) {
		boolean machine = machine(text);
		Predicate<IndustryTree.Industry> where = (i) -> within.test(i) && scope.contains(this.tree, i)
				&& (scope == Scope.SERVICE || !IndustryLexicon.servesOthers(this.tree, i))
				&& (machine || scope == Scope.EQUIPMENT || scope == Scope.MACHINERY
						|| !IndustryLexicon.equipsOthers(this.tree, i));
		CharacterIndex.Match byName = this.names.best(text, where);
		if (byName != null && byName.score() >= NAME_MINIMUM) {
			return byName;
		}
		CharacterIndex.Match byText = this.texts.best(text, where);
		return (byText != null) ? byText : byName;
	}

	/**
	 * The industry the standard names after a word within a scope: the classes in scope
	 * whose official name contains the word (配电 in 3823 配电开关控制设备制造; 仪器 in the classes of
	 * 40), or their most specific common ancestor when there are several, provided it
	 * lies below a section.
	 * @return the assignment; null when no class name in scope contains the word, or only
	 * classes of different sections do
	 */
	private @Nullable Assignment nameContaining(String component, String word, Scope scope) {
		// a word too general to name an industry (新材料, 产品) names none here either, but
		// an equipment head before another (仪器 of 仪器装备) is what the equipment is
		if (ATTRIBUTES.contains(word) || !IndustryLexicon.isTerm(word) && !Scope.EQUIPMENT.heads.contains(word)) {
			return null;
		}
		List<IndustryTree.Industry> classes = this.tree.all()
			.stream()
			.filter((i) -> i.level().equals("CLASS") && scope.contains(this.tree, i) && i.name().contains(word))
			.sorted(Comparator.comparing(IndustryTree.Industry::code))
			.toList();
		if (classes.isEmpty() || classes.stream().map((i) -> this.tree.section(i)).distinct().count() > 1) {
			return null;
		}
		IndustryTree.Industry common = this.tree.commonAncestor(classes);
		if (common.level().equals("SECTION")) {
			return null;
		}
		return new Assignment(common, (classes.size() == 1) ? 0.7 : 0.6, "head", "the phrase's head makes '" + component
				+ "' " + scope.words() + ", and the standard names "
				+ classes.stream().limit(6).map((i) -> i.code() + " " + i.name()).toList()
				+ ((classes.size() > 6) ? " and " + (classes.size() - 6) + " more" : "") + " after '" + word + "'"
				+ ((classes.size() > 1) ? ": their common industry " + common.code() + " " + common.name() : ""));
	}

	/**
	 * The nearest industry to a modifier, taken only where it shares a pair of characters
	 * with it: one character in common (防爆 and 防水) says too little to name an equipment
	 * or a material.
	 */
	private CharacterIndex.@Nullable Match lookupObject(String modifier, Scope scope) {
		return lookupObject(modifier, scope, (i) -> true);
	}

	private CharacterIndex.@Nullable Match lookupObject(String modifier, Scope scope,
			Predicate<IndustryTree.Industry> within) {
		CharacterIndex.Match match = lookup(modifier, scope, within);
		boolean pair = match != null && match.shared().stream().anyMatch((g) -> g.length() == 2);
		return (match != null && (pair || modifier.length() < 2) && match.score() >= OBJECT_MINIMUM) ? match : null;
	}

	private static boolean machine(String text) {
		for (int i = 0; i < text.length(); i++) {
			if (IndustryLexicon.MACHINE_CHARACTERS.indexOf(text.charAt(i)) >= 0) {
				return true;
			}
		}
		return false;
	}

	private Assignment headed(String text, Scope scope, List<Assignment> matched, CharacterIndex.Match nearest) {
		Assignment remapped = nearest(text, nearest, scope);
		return new Assignment(remapped.industry(), remapped.confidence(), "head",
				"the phrase's head makes it " + scope.words() + ", so "
						+ matched.stream().map((a) -> a.industry().code()).distinct().toList() + " only modify it; "
						+ remapped.evidence());
	}

	private Assignment nearest(String text, CharacterIndex.Match nearest, Scope scope) {
		double confidence = Math.min(0.7, 0.3 + 0.5 * nearest.score());
		return new Assignment(nearest.industry(), confidence, "nearest-text",
				"nearest industry text among " + scope.words() + " to '" + text + "': " + nearest.industry().code()
						+ " " + nearest.industry().name() + " (score "
						+ String.format(Locale.ROOT, "%.2f", nearest.score()) + ", sharing "
						+ nearest.shared().stream().limit(6).collect(Collectors.joining(" ")) + ")");
	}

	private Classification result(String text, List<Assignment> assignments) {
		Map<String, Assignment> byCode = new LinkedHashMap<>();
		for (Assignment assignment : assignments) {
			byCode.merge(assignment.industry().code(), assignment,
					(a, b) -> (a.confidence() >= b.confidence()) ? a : b);
		}
		List<IndustryTree.Industry> specific = this.tree
			.mostSpecific(byCode.values().stream().map(Assignment::industry).toList());
		List<Assignment> kept = specific.stream().map((i) -> byCode.get(i.code())).toList();
		List<Decision> decisions = new ArrayList<>();
		for (Assignment assignment : kept) {
			decisions.add(Decision.industry(assignment.rule(),
					assignment.industry().code() + " " + assignment.industry().name() + " (confidence "
							+ String.format(Locale.ROOT, "%.2f", assignment.confidence()) + "): "
							+ assignment.evidence()));
		}
		if (kept.size() < byCode.size()) {
			decisions.add(Decision.industry("most-specific",
					"dropped codes with a more specific selected code under them; kept "
							+ kept.stream().map((a) -> a.industry().code()).toList()));
		}
		if (kept.isEmpty()) {
			decisions.add(Decision.industry("unclassified", "neither a word of the standard's names and notes or of "
					+ "industry-keywords.csv nor any industry's text is near '" + text + "'"));
		}
		return new Classification(kept, List.copyOf(decisions));
	}

	/**
	 * The phrase without the list's trailing words that carry no industry (产业, 集群...).
	 */
	static String core(String phrase) {
		String text = Text.normalize(phrase);
		boolean changed = true;
		while (changed) {
			changed = false;
			for (String tail : TRAILING) {
				if (text.endsWith(tail) && text.length() > tail.length()) {
					text = text.substring(0, text.length() - tail.length());
					changed = true;
				}
			}
		}
		return text;
	}

	private List<Found> lexiconMatches(String text, boolean[] used) {
		List<Found> found = new ArrayList<>();
		// a single character names an industry only in a phrase of one or two besides the
		// activity words (伞, 铜冶炼), never inside a longer one (羊 in 羊毛衫)
		int shortest = (IndustryLexicon.stripActivity(text).length() > 2) ? 2 : 1;
		for (int length = Math.min(IndustryLexicon.MAX_TERM, text.length()); length >= shortest; length--) {
			for (int start = 0; start + length <= text.length(); start++) {
				if (!free(used, start, length)) {
					continue;
				}
				IndustryLexicon.Sense sense = this.lexicon.find(text.substring(start, start + length));
				if (sense != null) {
					mark(used, start, length);
					found.add(new Found(start, start + length, sense, sense.industries(), null));
				}
			}
		}
		// ...except as the phrase's last word, its head in Chinese: the 酒 of 白云边酒(业), the
		// 伞 of 上虞伞(业), where what comes before is a brand or a place
		int last = text.length() - 1;
		if (shortest > 1 && last > 0 && !used[last]) {
			IndustryLexicon.Sense sense = this.lexicon.find(text.substring(last));
			if (sense != null) {
				mark(used, last, 1);
				found.add(new Found(last, last + 1, sense, sense.industries(), null));
			}
		}
		found.sort(Comparator.comparingInt(Found::start));
		return found;
	}

	/**
	 * Gives each part word the industry of what it is a part of: a word matched at most
	 * two characters before it (汽车关键零部件, 航空大部件), preferring one whose division has a
	 * parts industry (汽车 in 汽车驱动系统关键零部件), or the head of the component before it
	 * (商用车及部件).
	 */
	private void partsOf(String text, boolean[] used, List<Found> found, @Nullable Found previous) {
		for (String word : IndustryLexicon.PART_WORDS) {
			int at = text.indexOf(word);
			while (at >= 0) {
				if (free(used, at, word.length())) {
					mark(used, at, word.length());
					int end = at + word.length();
					Found modifier = modifier(found, at);
					if (modifier == null && previous != null && found.stream().noneMatch((f) -> f.end() <= end)) {
						modifier = previous;
					}
					if (modifier == null) {
						IndustryTree.Industry general = this.tree.find("348");
						found.add(new Found(at, end, null, List.of(general),
								"'" + word + "' of nothing the phrase names -> 348 " + general.name()));
					}
					else {
						List<IndustryTree.Industry> parts = modifier.industries()
							.stream()
							.map(this::partsIndustry)
							.distinct()
							.toList();
						String detail = "'" + word + "' of '" + modifier.sense().term() + "' -> "
								+ parts.stream().map((i) -> i.code() + " " + i.name()).toList();
						if (found.contains(modifier)) {
							int start = modifier.start();
							found.removeIf((f) -> f.start() >= start && f.end() <= end);
							found.add(new Found(start, end, modifier.sense(), parts, detail));
						}
						else {
							found.add(new Found(at, end, modifier.sense(), parts, detail));
						}
					}
				}
				at = text.indexOf(word, at + 1);
			}
		}
		found.sort(Comparator.comparingInt(Found::start));
	}

	private @Nullable Found modifier(List<Found> found, int at) {
		List<Found> near = found.stream()
			.filter((f) -> f.sense() != null && f.end() <= at && f.end() >= at - 2)
			.toList();
		List<Found> before = found.stream().filter((f) -> f.sense() != null && f.end() <= at).toList();
		for (Found match : before) {
			if (match.industries().stream().anyMatch((i) -> !partsIndustry(i).equals(i))) {
				return match;
			}
		}
		return near.isEmpty() ? null : near.get(near.size() - 1);
	}

	/**
	 * The industry that makes the parts of another: a class or group of its division
	 * whose name is about parts (零部件, 配件, 零件, 部件), nearest to it in the tree; the
	 * industry itself where its division has none.
	 */
	private IndustryTree.Industry partsIndustry(IndustryTree.Industry industry) {
		if (industry.level().equals("SECTION")) {
			return industry;
		}
		IndustryTree.Industry division = this.tree.division(industry);
		IndustryTree.Industry scope = industry.level().equals("CLASS") ? this.tree.find(industry.parentCode())
				: industry;
		for (IndustryTree.Industry within : List.of(scope, division)) {
			List<IndustryTree.Industry> parts = new ArrayList<>(this.tree.under(within));
			parts.add(within);
			parts.removeIf((i) -> IndustryLexicon.PART_WORDS.stream().noneMatch((w) -> i.name().contains(w)));
			if (!parts.isEmpty()) {
				List<IndustryTree.Industry> specific = this.tree.mostSpecific(parts);
				return (specific.size() == 1) ? specific.get(0) : this.tree.commonAncestor(parts);
			}
		}
		return industry;
	}

	private static double coverage(boolean[] used, String text) {
		int covered = 0;
		for (boolean u : used) {
			covered += u ? 1 : 0;
		}
		return (double) covered / Math.max(1, text.length());
	}

	private static boolean free(boolean[] used, int from, int length) {
		for (int i = from; i < from + length; i++) {
			if (used[i]) {
				return false;
			}
		}
		return true;
	}

	private static void mark(boolean[] used, int from, int length) {
		for (int i = from; i < from + length; i++) {
			used[i] = true;
		}
	}

	/**
	 * What kind of industry a phrase's head allows: its last words say whether it is a
	 * service (服务, 软件, 平台...), a farm (种植, 养殖...), equipment (装备, 设备, 机械...), a material
	 * (材料) or a product (加工, 制造, 制品...).
	 */
	enum Scope {

		/** Services: sections F to T. */
		SERVICE("a service (sections F-T)",
				Set.of("F", "G", "H", "I", "J", "K", "L", "M", "N", "O", "P", "Q", "R", "S", "T"),
				List.of("服务", "服务业", "软件", "平台", "设计", "咨询", "研发", "外包", "物流", "电商", "电子商务", "检测", "认证", "旅游", "文旅",
						"金融", "贸易", "商贸", "会展", "运营", "运维", "数据", "互联网", "传媒", "影视", "动漫", "游戏", "创意", "直播", "康养", "养老",
						"教育", "培训")),

		/** Farming: section A. */
		FARMING("farming (section A)", Set.of("A"),
				List.of("种植", "养殖", "饲养", "栽培", "育种", "种业", "育苗", "种苗", "繁育", "捕捞", "畜牧", "林下经济")),

		/** Equipment: divisions 33 to 40. */
		EQUIPMENT("equipment (divisions 33-40)", Set.of("33", "34", "35", "36", "37", "38", "39", "40"),
				List.of("装备", "设备", "机械", "机具", "装置", "仪器", "仪表", "器械", "器材")),

		/** Materials: the divisions that make materials. */
		MATERIAL("a material (divisions 17, 20, 22, 25-33, 39)",
				Set.of("17", "20", "22", "25", "26", "28", "29", "30", "31", "32", "33", "39"), List.of("材料", "耗材")),

		/** Products: sections B to D. */
		MAKING("manufacturing or mining (sections B-D)", Set.of("B", "C", "D"),
				List.of("加工", "制造", "制品", "生产", "用品", "产品")),

		/** Machinery that other industries use: divisions 34 and 35. */
		MACHINERY("machinery (divisions 34-35)", Set.of("34", "35"), List.of()),

		/**
		 * What a phrase without a head most likely means: the goods-producing sections.
		 */
		PRODUCTION("goods production (sections A-E)", Set.of("A", "B", "C", "D", "E"), List.of()),

		/** Any industry. */
		ANY("any industry", Set.of(), List.of());

		private final String words;

		private final Set<String> codes;

		private final List<String> heads;

		Scope(String words, Set<String> codes, List<String> heads) {
			this.words = words;
			this.codes = codes;
			this.heads = heads;
		}

		/**
		 * The scope a component's head allows.
		 * @param component a component of a phrase
		 * @return its scope; {@link #ANY} when its last words say nothing
		 */
		static Scope of(String component) {
			String bare = component;
			for (String tail : List.of("制造业", "制造", "生产", "业")) {
				if (bare.endsWith(tail) && bare.length() > tail.length()) {
					bare = bare.substring(0, bare.length() - tail.length());
					break;
				}
			}
			for (Scope scope : List.of(SERVICE, FARMING, EQUIPMENT, MATERIAL)) {
				String end = bare;
				if (scope.heads.stream().anyMatch(end::endsWith)) {
					return scope;
				}
			}
			return MAKING.heads.stream().anyMatch(component::endsWith) ? MAKING : ANY;
		}

		boolean contains(IndustryTree tree, IndustryTree.Industry industry) {
			return this == ANY || this.codes.contains(tree.section(industry).code())
					|| this.codes.contains(tree.division(industry).code());
		}

		/**
		 * A component without its head word and what follows it (锂电新材料 gives 锂电).
		 * @param component a component whose head this scope's
		 * @return the words before the head; the component itself when nothing is before
		 * it
		 */
		String withoutHead(String component) {
			int at = -1;
			for (String head : this.heads) {
				at = Math.max(at, component.lastIndexOf(head));
			}
			String before = (at > 0) ? component.substring(0, at) : component;
			boolean changed = true;
			while (changed && !before.isEmpty()) {
				changed = false;
				for (String attribute : ATTRIBUTES) {
					if (before.startsWith(attribute)) {
						before = before.substring(attribute.length());
						changed = true;
					}
					else if (before.endsWith(attribute)) {
						before = before.substring(0, before.length() - attribute.length());
						changed = true;
					}
				}
			}
			return before;
		}

		/**
		 * The head word a component of this scope ends with (装备 of 智能电网装备).
		 * @param component a component whose head is this scope's
		 * @return the last of this scope's head words in it
		 */
		String headWord(String component) {
			String word = "";
			int at = -1;
			for (String head : this.heads) {
				int found = component.lastIndexOf(head);
				if (found > at || found == at && found >= 0 && head.length() > word.length()) {
					at = found;
					word = head;
				}
			}
			return word;
		}

		boolean namesAnObject() {
			return this == EQUIPMENT || this == MATERIAL;
		}

		String words() {
			return this.words;
		}

	}

	/**
	 * What one component of a phrase gave.
	 *
	 * @param assignments its industries
	 * @param head its last matched word, which a part word in the next component may be a
	 * part of
	 */
	private record Part(List<Assignment> assignments, @Nullable Found head) {
	}

	/**
	 * A stretch of the phrase and the industries it gave.
	 *
	 * @param start where it starts
	 * @param end where it ends
	 * @param sense the lexicon word behind it; null for a part word of nothing
	 * @param industries its industries
	 * @param partDetail how a part word changed them; null when none did
	 */
	private record Found(int start, int end, IndustryLexicon.@Nullable Sense sense,
			List<IndustryTree.Industry> industries, @Nullable String partDetail) {

		String term(String text) {
			return text.substring(this.start, this.end);
		}

		Found from(int newStart) {
			return new Found(newStart, this.end, this.sense, this.industries, this.partDetail);
		}

		List<Assignment> assignments(double coverage) {
			double base = (this.sense != null) ? this.sense.confidence() : 0.6;
			double confidence = base * (0.6 + 0.4 * coverage) * ((this.partDetail != null) ? 0.9 : 1.0);
			String rule = (this.partDetail != null) ? "part-of" : switch (this.sense.source()) {
				case "keyword" -> "keyword";
				case "vocabulary" -> "product-vocabulary";
				case "note", "notes' cross-reference" -> "standard-note";
				default -> "standard-name";
			};
			String evidence = ((this.sense != null) ? "'" + this.sense.term() + "' (" + this.sense.evidence() + ")"
					: "") + ((this.partDetail != null) ? ((this.sense != null) ? "; " : "") + this.partDetail : "");
			return this.industries.stream().map((i) -> new Assignment(i, confidence, rule, evidence)).toList();
		}

	}

	/**
	 * One industry of a phrase.
	 *
	 * @param industry the industry
	 * @param confidence how far it can be trusted, 0 to 1
	 * @param rule the rule that gave it ({@code keyword}, {@code standard-name},
	 * {@code standard-note}, {@code part-of}, {@code head}, {@code nearest-text},
	 * {@code override})
	 * @param evidence what matched, in words a reviewer can check
	 */
	public record Assignment(IndustryTree.Industry industry, double confidence, String rule, String evidence) {
	}

	/**
	 * The industries a phrase denotes.
	 *
	 * @param assignments the most specific industries with their confidence and evidence;
	 * empty when unclassified
	 * @param decisions the decisions behind them
	 */
	public record Classification(List<Assignment> assignments, List<Decision> decisions) {

		public Classification {
			assignments = List.copyOf(assignments);
			decisions = List.copyOf(decisions);
		}

		/**
		 * How far the classification can be trusted: its least confident industry.
		 * @return 0 to 1; 0 when unclassified
		 */
		public double confidence() {
			return this.assignments.stream().mapToDouble(Assignment::confidence).min().orElse(0);
		}

		/**
		 * The industries, without their evidence.
		 * @return the most specific industries
		 */
		public List<IndustryTree.Industry> industries() {
			return this.assignments.stream().map(Assignment::industry).toList();
		}

	}

}
