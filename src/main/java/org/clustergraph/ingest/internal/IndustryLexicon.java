package org.clustergraph.ingest.internal;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

/**
 * The words that name industries, each with the GB/T 4754-2017 codes it denotes and where
 * that knowledge comes from. Three sources, in order of authority:
 * <ol>
 * <li>the curated keyword table ({@code industry-keywords.csv}): corrections and synonyms
 * with a reason;</li>
 * <li>the standard's own names: every division, group and class name, cut at its
 * conjunctions (计算机、通信和其他电子设备制造业 gives 计算机, 通信 and 电子设备) and without the words that only
 * say what kind of activity it is (制造, 加工, 种植, 服务...);</li>
 * <li>the standard's explanatory notes ({@code gbt4754-2017-notes.csv}): the products and
 * activities each class includes, read up to its 不包括 clause;</li>
 * <li>official tables that name products and activities with their GB/T 4754-2017 class,
 * such as the 2018 classification of strategic emerging industries
 * ({@code gbt4754-2017-sei2018.csv}, {@code code,term}).</li>
 * </ol>
 * A word the names or notes use for industries in more than two divisions says nothing
 * about which one is meant and is left out; the classifier still sees it through
 * {@link CharacterIndex}.
 */
final class IndustryLexicon {

	/** The longest word looked up. */
	static final int MAX_TERM = 16;

	/**
	 * Words that name a part, never an industry of their own: what they are parts of
	 * decides the industry.
	 */
	static final List<String> PART_WORDS = List.of("关键零部件", "核心零部件", "零部件", "关键部件", "核心部件", "部件", "零配件", "配件", "零件",
			"配套");

	private static final Pattern BRACKETS = Pattern.compile("\\([^)]*\\)");

	/** A 不包括 item of a note: what it names, then 列入 and the class it belongs to. */
	private static final Pattern REFERENCE = Pattern.compile("[—-]\\s*([^—◆◇;；]+?)[,，]\\s*列入\\s*(\\d{2,4})");

	private static final Pattern NAME_CUTS = Pattern.compile("、|以及|及|和|与|,|;");

	private static final Pattern NOTE_CUTS = Pattern
		.compile("[,，。;；、:：()（）“”\"'《》◇◆—–\\-\\s]|包括|下列|指|等|以及|及|和|与|或|的|用于|主要|各种|各类|其他|其它|未列明");

	private static final List<String> ACTIVITY_SUFFIXES = List.of("生产和供应业", "生产和供应", "制造业", "加工业", "制造", "加工", "生产",
			"供应", "的饲养", "饲养", "的种植", "种植", "服务业", "服务", "活动", "开采", "采选", "冶炼", "业");

	private static final Set<String> NOT_A_TERM = Set.of("有关物品", "相关", "其他", "专用", "通用", "产品", "用品", "制品", "设备", "器材",
			"装置", "材料", "新材料", "原料", "工业", "技术", "辅助", "专业", "日用", "配套", "零部件", "部件", "配件", "零件", "装备", "机械", "机具",
			"仪器", "仪表", "器械", "耗材", "系统", "智能", "智慧", "数字", "高端", "新型", "现代", "绿色", "特色", "先进", "利用", "处理", "分配", "开发",
			"应用", "管理", "经营", "销售", "维修", "修理", "安装", "检测", "研究", "推广", "咨询", "资源", "综合", "循环", "工程", "信息", "科技", "环境",
			"生态", "文化", "健康", "创新", "基地", "控制", "运输", "专业技术", "试验发展", "再生", "节能", "环保", "安全", "公共", "社会", "城市", "农村",
			"家庭", "个人", "居民", "国家", "行业", "企业", "单位", "机构", "组织", "场所", "用途", "一般", "普通", "特种", "未列明");

	private static final Set<String> GOODS_SECTIONS = Set.of("A", "B", "C", "D", "E");

	private static final Set<String> SERVING_DIVISIONS = Set.of("43", "51", "52", "71", "81");

	private static final Set<String> EQUIPPING_DIVISIONS = Set.of("34", "35");

	/**
	 * The characters that make a word name a machine or a vehicle rather than a product.
	 */
	static final String MACHINE_CHARACTERS = "机器床泵阀仪车船艇设备装置";

	private final Map<String, Sense> terms;

	private IndustryLexicon(Map<String, Sense> terms) {
		this.terms = terms;
	}

	/**
	 * Builds the lexicon.
	 * @param tree the classification
	 * @param keywords the rows of {@code industry-keywords.csv}
	 * @param notes the rows of {@code gbt4754-2017-notes.csv} ({@code code,note})
	 * @param products the rows of tables that name products with their class
	 * ({@code code,term})
	 * @return the lexicon
	 * @throws SourceException when a keyword is empty, repeated, a bare part word or
	 * names an unknown code, or a note names an unknown code
	 */
	static IndustryLexicon of(IndustryTree tree, List<Csv.Row> keywords, List<Csv.Row> notes, List<Csv.Row> products) {
		return of(tree, keywords, notes, products, List.of());
	}

	/**
	 * Builds the lexicon with the product vocabulary too.
	 * @param tree the classification
	 * @param keywords the rows of {@code industry-keywords.csv}
	 * @param notes the rows of {@code gbt4754-2017-notes.csv} ({@code code,note})
	 * @param products the rows of tables that name products with their class
	 * ({@code code,term})
	 * @param vocabulary the rows of {@code product-vocabulary.csv}
	 * ({@code code,term,note}): a term in at most two rows, each of its own class; taken
	 * after the standard's names and cross-references and before everything else but the
	 * keyword table, and as written: a curated word counts even where the words extracted
	 * from the standard's texts leave it out as too general
	 * @return the lexicon
	 * @throws SourceException when a table names an unknown code, a keyword repeats, or a
	 * vocabulary term is empty, a part word, repeated with the same code or in more than
	 * two rows
	 */
	static IndustryLexicon of(IndustryTree tree, List<Csv.Row> keywords, List<Csv.Row> notes, List<Csv.Row> products,
			List<Csv.Row> vocabulary) {
		Map<String, Sense> terms = new HashMap<>();
		fromStandard(tree, nameTerms(tree), "name", 0.9, terms);
		fromStandard(tree, referenceTerms(tree, notes), "notes' cross-reference", 0.85, terms);
		vocabulary(tree, vocabulary).forEach(terms::putIfAbsent);
		fromStandard(tree, productTerms(tree, products), "product table", 0.75, terms);
		Set<String> seen = new LinkedHashSet<>();
		for (Csv.Row row : keywords) {
			String word = Text.normalize(row.get("keyword"));
			if (word.isEmpty() || !seen.add(word)) {
				throw new SourceException(row.problem("keyword '" + word + "' is empty or appears twice"));
			}
			if (PART_WORDS.contains(word)) {
				throw new SourceException(row.problem("keyword '" + word
						+ "' is a part word: what it is a part of decides the industry, so it cannot have codes of its own"));
			}
			List<IndustryTree.Industry> codes = new ArrayList<>();
			for (String code : row.get("codes").split(";")) {
				IndustryTree.Industry industry = tree.find(code.strip());
				if (industry == null) {
					throw new SourceException(
							row.problem("keyword '" + word + "' names unknown code '" + code.strip() + "'"));
				}
				codes.add(industry);
			}
			terms.put(word, new Sense(word, List.copyOf(codes), "keyword", 0.95,
					"industry-keywords.csv:" + row.line() + ": " + row.get("reason")));
		}
		if (!notes.isEmpty()) {
			NoteIndex index = NoteIndex.of(tree, notes);
			Map<String, Set<IndustryTree.Industry>> listed = new LinkedHashMap<>();
			for (Csv.Row row : notes) {
				for (String part : NOTE_CUTS.split(included(row.get("note")))) {
					String term = stripActivity(part);
					if (term.length() >= 2 && term.length() <= 8 && isTerm(term) && !listed.containsKey(term)) {
						listed.put(term, index.users(term));
					}
				}
			}
			fromStandard(tree, listed, "note", 0.8, terms);
		}
		return new IndustryLexicon(Map.copyOf(terms));
	}

	/**
	 * The sense of a word.
	 * @param term the word, normalized
	 * @return its sense, or null when the lexicon does not know it
	 */
	@Nullable Sense find(String term) {
		return this.terms.get(term);
	}

	/**
	 * The words one industry's name gives, without the activity words (制造, 种植...) and cut
	 * at its conjunctions.
	 * @param name an industry's name
	 * @return the words, possibly none
	 */
	static List<String> termsOfName(String name) {
		String text = BRACKETS.matcher(Text.normalize(name)).replaceAll("");
		Set<String> out = new LinkedHashSet<>();
		String whole = stripActivity(text);
		if (!NAME_CUTS.matcher(whole).find()) {
			add(out, whole);
		}
		if (whole.contains("专用")) {
			// 印刷、制药、日化及日用品生产专用设备: the parts name the industries served
			return List.copyOf(out);
		}
		for (String part : NAME_CUTS.split(text)) {
			String term = stripActivity(part);
			if (term.length() > 1) {
				add(out, term);
			}
		}
		return List.copyOf(out);
	}

	private static void add(Set<String> out, String term) {
		if (isTerm(term)) {
			out.add(term);
		}
	}

	static boolean isTerm(String term) {
		return !term.isEmpty() && term.length() <= MAX_TERM && !NOT_A_TERM.contains(term)
				&& !ACTIVITY_SUFFIXES.contains(term) && !ACTIVITY_SUFFIXES.contains(term + "业");
	}

	/**
	 * Whether an industry only trades, rents out or repairs what other industries make
	 * (wholesale 51, retail 52, repair 43 and 81, rental 71): its name and note name
	 * those products, but a list that names a product means the industry that makes it.
	 */
	static boolean servesOthers(IndustryTree tree, IndustryTree.Industry industry) {
		return SERVING_DIVISIONS.contains(tree.division(industry).code());
	}

	/**
	 * Whether an industry makes equipment for other industries (34 通用设备, 35 专用设备): its
	 * name and note name the industries it serves (制药 in 制药专用设备制造).
	 */
	static boolean equipsOthers(IndustryTree tree, IndustryTree.Industry industry) {
		return EQUIPPING_DIVISIONS.contains(tree.division(industry).code());
	}

	/**
	 * Strips a leading 其他 and the trailing words that only say what kind of activity an
	 * industry is.
	 * @param text a name or part of one
	 * @return the rest
	 */
	static String stripActivity(String text) {
		String term = text.strip();
		for (String prefix : List.of("其他", "其它")) {
			if (term.startsWith(prefix)) {
				term = term.substring(prefix.length());
			}
		}
		boolean changed = true;
		while (changed) {
			changed = false;
			for (String suffix : ACTIVITY_SUFFIXES) {
				if (term.endsWith(suffix) && term.length() > suffix.length()) {
					term = term.substring(0, term.length() - suffix.length());
					changed = true;
					break;
				}
			}
		}
		return term;
	}

	private static Map<String, Set<IndustryTree.Industry>> nameTerms(IndustryTree tree) {
		Map<String, Set<IndustryTree.Industry>> terms = new LinkedHashMap<>();
		for (IndustryTree.Industry industry : tree.all()) {
			if (industry.level().equals("SECTION") || servesOthers(tree, industry)) {
				continue;
			}
			for (String term : termsOfName(industry.name())) {
				terms.computeIfAbsent(term, (t) -> new LinkedHashSet<>()).add(industry);
			}
		}
		return terms;
	}

	/**
	 * The words of each class's note up to its 不包括 clause: the products and activities
	 * the class includes.
	 */
	/**
	 * Every industry's name and note (up to its 不包括 clause), indexed by pairs of
	 * characters so that the industries using a word anywhere in their texts are found
	 * fast.
	 */
	private static final class NoteIndex {

		private final List<IndustryTree.Industry> industries;

		private final List<String> texts;

		private final Map<String, BitSet> postings;

		private NoteIndex(List<IndustryTree.Industry> industries, List<String> texts, Map<String, BitSet> postings) {
			this.industries = industries;
			this.texts = texts;
			this.postings = postings;
		}

		static NoteIndex of(IndustryTree tree, List<Csv.Row> notes) {
			List<IndustryTree.Industry> industries = new ArrayList<>();
			List<String> texts = new ArrayList<>();
			for (Csv.Row row : notes) {
				IndustryTree.Industry industry = tree.find(row.get("code"));
				if (industry == null) {
					throw new SourceException(row.problem("note for unknown code '" + row.get("code") + "'"));
				}
				if (!GOODS_SECTIONS.contains(tree.section(industry).code()) || industry.level().equals("SECTION")) {
					// services' notes name the goods they deal in (食品饮料 in 市场管理服务)
					continue;
				}
				// machinery's names list the industries it serves (制药 in 制药专用设备制造)
				String name = equipsOthers(tree, industry) ? "" : Text.normalize(industry.name()) + " ";
				industries.add(industry);
				texts.add(name + included(row.get("note")));
			}
			Map<String, BitSet> postings = new HashMap<>();
			for (int i = 0; i < texts.size(); i++) {
				String text = texts.get(i);
				for (int c = 0; c + 2 <= text.length(); c++) {
					postings.computeIfAbsent(text.substring(c, c + 2), (g) -> new BitSet()).set(i);
				}
			}
			return new NoteIndex(List.copyOf(industries), List.copyOf(texts), postings);
		}

		/** The industries whose name or note uses a word of two characters or more. */
		Set<IndustryTree.Industry> users(String term) {
			BitSet users = null;
			for (int c = 0; c + 2 <= term.length(); c++) {
				BitSet posting = this.postings.get(term.substring(c, c + 2));
				if (posting == null) {
					return Set.of();
				}
				if (users == null) {
					users = (BitSet) posting.clone();
				}
				else {
					users.and(posting);
				}
			}
			Set<IndustryTree.Industry> found = new LinkedHashSet<>();
			for (int i = users.nextSetBit(0); i >= 0; i = users.nextSetBit(i + 1)) {
				if (this.texts.get(i).contains(term)) {
					found.add(this.industries.get(i));
				}
			}
			return found;
		}

	}

	/**
	 * The products the notes send elsewhere: a 不包括 item such as "羊毛衫、羊绒衫，列入1829" says
	 * where those products belong.
	 */
	private static Map<String, Set<IndustryTree.Industry>> referenceTerms(IndustryTree tree, List<Csv.Row> notes) {
		Map<String, Set<IndustryTree.Industry>> terms = new LinkedHashMap<>();
		for (Csv.Row row : notes) {
			Matcher item = REFERENCE.matcher(Text.normalize(row.get("note")));
			while (item.find()) {
				IndustryTree.Industry industry = tree.find(item.group(2));
				if (industry == null || !GOODS_SECTIONS.contains(tree.section(industry).code())) {
					// only where goods belong: a service a note sends away (珠宝鉴定) is no
					// product
					continue;
				}
				for (String part : NOTE_CUTS.split(item.group(1))) {
					String term = stripActivity(part);
					if (term.length() >= 2 && term.length() <= 8 && isTerm(term)) {
						terms.computeIfAbsent(term, (t) -> new LinkedHashSet<>()).add(industry);
					}
				}
			}
		}
		return terms;
	}

	private static Map<String, Sense> vocabulary(IndustryTree tree, List<Csv.Row> rows) {
		Map<String, List<Csv.Row>> byTerm = new LinkedHashMap<>();
		for (Csv.Row row : rows) {
			String term = Text.normalize(row.get("term"));
			if (term.isEmpty() || PART_WORDS.contains(term)) {
				throw new SourceException(row.problem("vocabulary term '" + term + "' is empty or a part word"));
			}
			if (tree.find(row.get("code")) == null) {
				throw new SourceException(
						row.problem("vocabulary term '" + term + "' names unknown code '" + row.get("code") + "'"));
			}
			byTerm.computeIfAbsent(term, (t) -> new ArrayList<>()).add(row);
		}
		Map<String, Sense> senses = new LinkedHashMap<>();
		for (Map.Entry<String, List<Csv.Row>> entry : byTerm.entrySet()) {
			List<Csv.Row> uses = entry.getValue();
			if (uses.size() > 2) {
				throw new SourceException(uses.get(2)
					.problem("vocabulary term '" + entry.getKey() + "' is in more than two rows (lines "
							+ uses.stream().map((r) -> String.valueOf(r.line())).toList() + ")"));
			}
			if (uses.size() == 2 && uses.get(0).get("code").equals(uses.get(1).get("code"))) {
				throw new SourceException(uses.get(1)
					.problem("vocabulary term '" + entry.getKey() + "' repeats line " + uses.get(0).line()
							+ " with the same code"));
			}
			List<IndustryTree.Industry> codes = uses.stream().map((r) -> tree.find(r.get("code"))).toList();
			String evidence = uses.stream()
				.map((r) -> r.file() + ":" + r.line() + ": " + r.get("code") + " " + tree.find(r.get("code")).name()
						+ " (" + r.get("note") + ")")
				.collect(java.util.stream.Collectors.joining("; "));
			senses.put(entry.getKey(), new Sense(entry.getKey(), codes, "vocabulary", 0.85, evidence));
		}
		return senses;
	}

	private static Map<String, Set<IndustryTree.Industry>> productTerms(IndustryTree tree, List<Csv.Row> rows) {
		Map<String, Set<IndustryTree.Industry>> terms = new LinkedHashMap<>();
		for (Csv.Row row : rows) {
			IndustryTree.Industry industry = tree.find(row.get("code"));
			if (industry == null) {
				throw new SourceException(row.problem("product term for unknown code '" + row.get("code") + "'"));
			}
			if (servesOthers(tree, industry)) {
				continue;
			}
			String term = stripActivity(BRACKETS.matcher(Text.normalize(row.get("term"))).replaceAll(""));
			if (term.length() >= 2 && isTerm(term)) {
				terms.computeIfAbsent(term, (t) -> new LinkedHashSet<>()).add(industry);
			}
		}
		return terms;
	}

	/**
	 * A note's text up to its first 不包括 clause.
	 * @param note the note
	 * @return what the class includes
	 */
	static String included(String note) {
		String text = Text.normalize(note);
		int cut = text.indexOf("不包括");
		return (cut >= 0) ? text.substring(0, cut) : text;
	}

	/**
	 * Adds the words the standard's texts give, each for the most specific industries it
	 * names; a word used in more than two divisions is left out as ambiguous, and a word
	 * already known from a more authoritative source keeps that sense.
	 */
	private static void fromStandard(IndustryTree tree, Map<String, Set<IndustryTree.Industry>> found, String source,
			double confidence, Map<String, Sense> terms) {
		for (Map.Entry<String, Set<IndustryTree.Industry>> entry : found.entrySet()) {
			if (!terms.containsKey(entry.getKey())) {
				Sense sense = sense(tree, entry.getKey(), entry.getValue(), source, confidence);
				if (sense != null) {
					terms.put(entry.getKey(), sense);
				}
			}
		}
	}

	/**
	 * The sense of a word the standard's texts give: the most specific industries that
	 * use it, one per division (their common ancestor), the division with more of them
	 * when they lie in two, and none when they lie in more than two divisions. A product
	 * word means the product where the standard also names its machinery.
	 */
	private static @Nullable Sense sense(IndustryTree tree, String term, Set<IndustryTree.Industry> users,
			String source, double confidence) {
		Set<IndustryTree.Industry> senses = users;
		if (senses.stream().anyMatch((i) -> !equipsOthers(tree, i))) {
			senses = new LinkedHashSet<>(senses.stream().filter((i) -> !equipsOthers(tree, i)).toList());
		}
		else if (MACHINE_CHARACTERS.indexOf(term.charAt(term.length() - 1)) < 0) {
			return null;
		}
		List<IndustryTree.Industry> specific = tree.mostSpecific(senses);
		Set<String> divisions = new LinkedHashSet<>();
		specific.forEach((i) -> divisions.add(tree.division(i).code()));
		if (specific.isEmpty() || divisions.size() > 2) {
			return null;
		}
		if (divisions.size() == 2) {
			// of two divisions, the one whose classes use the word more (核酸: 2720, 2761
			// and 2762 of 27 against 2614 and 2662 of 26)
			Map<String, Long> uses = specific.stream()
				.collect(Collectors.groupingBy((i) -> tree.division(i).code(), Collectors.counting()));
			long most = Collections.max(uses.values());
			if (uses.values().stream().filter((n) -> n == most).count() == 1) {
				divisions.removeIf((d) -> uses.get(d) < most);
			}
		}
		List<IndustryTree.Industry> codes = new ArrayList<>();
		for (String division : divisions) {
			codes.add(tree
				.commonAncestor(specific.stream().filter((i) -> tree.division(i).code().equals(division)).toList()));
		}
		String evidence = "GB/T 4754-2017 " + source + ((users.size() > 1) ? "s" : "") + " of "
				+ users.stream()
					.sorted(Comparator.comparing(IndustryTree.Industry::code))
					.limit(6)
					.map((i) -> i.code() + " " + i.name())
					.toList();
		return new Sense(term, List.copyOf(codes), source, confidence, evidence);
	}

	/**
	 * What a word denotes.
	 *
	 * @param term the word
	 * @param industries the industries it denotes
	 * @param source {@code keyword}, {@code name}, {@code notes' cross-reference},
	 * {@code vocabulary}, {@code product table} or {@code note}
	 * @param confidence how far a match of the whole word can be trusted
	 * @param evidence where the knowledge comes from, in words a reviewer can check
	 */
	record Sense(String term, List<IndustryTree.Industry> industries, String source, double confidence,
			String evidence) {
	}

}
