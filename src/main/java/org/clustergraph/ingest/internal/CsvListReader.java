package org.clustergraph.ingest.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Reads a list saved from a spreadsheet as CSV ({@link ProgramDescriptor.Format#CSV}):
 * comma-separated cells, RFC 4180 quotes (a quoted cell may hold commas, doubled quotes
 * and line breaks), and a header row that names the columns. The columns are found by
 * their header, so their order and any other columns (主导产业, 备注...) do not matter:
 * <ul>
 * <li>the name: 集群名称 or any header ending in it (中小企业特色产业集群名称), 名称, 集群, 产业集群 or name
 * (required);
 * <li>the rank: 序号, 排名, 编号, rank or no.; without it, rows are ranked in file order;
 * <li>the edition year: 年度, 年份, year, or a header ending in 年度 or 年份 (认定年度);
 * <li>the region: 所在地区, 地区, 省份, 地市, 设区市, 区县, 县(市、区), 省(区、市), any other header starting
 * with 所在, and the like, read in the order of the columns, when the descriptor's context
 * is {@code REGION_COLUMN}.
 * </ul>
 * The header row is the list's opening line where that names the name column, else the
 * first non-blank line after it (the opening line is then a title above the table). A
 * listing's line is the line its row starts on.
 */
final class CsvListReader {

	private static final List<String> NAME = List.of("集群名称", "产业集群名称", "名称", "集群", "产业集群", "name");

	private static final List<String> RANK = List.of("序号", "排名", "编号", "rank", "no", "no.");

	private static final List<String> YEAR = List.of("年度", "年份", "year");

	private static final List<String> REGION = List.of("所在区域", "所在地区", "所在地", "所属地区", "地区", "区域", "省份", "所属省份", "地市",
			"设区市", "地级市", "市州", "城市", "区县", "县市区", "region");

	/** A header ending in 集群名称, in one word (a tab-separated row is no such header). */
	private static final Pattern NAMED = Pattern.compile("^\\S*集群名称$");

	/** 县(市、区), 省(区、市) and the like, after NFKC has made the brackets ASCII. */
	private static final Pattern UNIT_COLUMN = Pattern.compile("^[省市县区][(][^)]*[)]$");

	private static final Pattern DIGITS = Pattern.compile("\\d{1,9}");

	private static final Pattern YEAR_VALUE = Pattern.compile("(\\d{4})\\s*年?");

	private final Shared shared;

	CsvListReader(Shared shared) {
		this.shared = shared;
	}

	List<RawListing> read(ProgramDescriptor d, List<String> lines, int start, int end, List<SourceProblem> problems) {
		if (d.context() == ProgramDescriptor.Context.HEADING) {
			problems.add(new SourceProblem(ProgramCatalog.FILE, 0, "program '" + d.key()
					+ "': a CSV list has no region headings; its context is NONE or REGION_COLUMN"));
			return List.of();
		}
		// the opening line is the header row, or a title above it
		boolean opensWithHeader = Arrays.stream(lines.get(start).split(",")).anyMatch((cell) -> isName(column(cell)));
		// a row left open ends the list: reported after the rows before it, in line order
		List<SourceProblem> unclosed = new ArrayList<>();
		List<Csv.Record> rows = Csv.records(d.document(), lines, opensWithHeader ? start : start + 1, end,
				String::isBlank, unclosed);
		List<RawListing> listings = listings(d, rows, start, problems);
		problems.addAll(unclosed);
		return listings;
	}

	private List<RawListing> listings(ProgramDescriptor d, List<Csv.Record> rows, int start,
			List<SourceProblem> problems) {
		if (rows.isEmpty()) {
			problems.add(new SourceProblem(d.document(), start + 1, "list '" + d.key() + "' has no header row"));
			return List.of();
		}
		Csv.Record header = rows.get(0);
		int name = -1;
		int rank = -1;
		int year = -1;
		List<Integer> regions = new ArrayList<>();
		for (int c = 0; c < header.cells().size(); c++) {
			String column = column(header.cells().get(c));
			if (isName(column) && name < 0) {
				name = c;
			}
			else if (RANK.contains(column) && rank < 0) {
				rank = c;
			}
			else if ((YEAR.contains(column) || column.endsWith("年度") || column.endsWith("年份")) && year < 0) {
				year = c;
			}
			else if (REGION.contains(column) || UNIT_COLUMN.matcher(column).matches()
					|| (column.startsWith("所在") && !isName(column))) {
				regions.add(c);
			}
		}
		if (name < 0) {
			problems.add(new SourceProblem(d.document(), header.line(), "the header row of list '" + d.key()
					+ "' names no column " + NAME + " (it has " + header.cells() + "; cells are separated by commas)"));
			return List.of();
		}
		boolean regionColumn = d.context() == ProgramDescriptor.Context.REGION_COLUMN;
		if (regionColumn && regions.isEmpty()) {
			problems.add(new SourceProblem(d.document(), header.line(), "list '" + d.key()
					+ "' has the context REGION_COLUMN, but its header row names no column " + REGION));
			return List.of();
		}
		List<RawListing> out = new ArrayList<>();
		Map<@Nullable Integer, Integer> rowsPerEdition = new HashMap<>();
		for (Csv.Record row : rows.subList(1, rows.size())) {
			if (row.cells().stream().allMatch(String::isBlank)) {
				continue;
			}
			String listed = Text.unpad(cell(row, name));
			if (listed.isEmpty()) {
				problems.add(new SourceProblem(d.document(), row.line(), "the row has no name"));
				continue;
			}
			Integer edition = null;
			if (year >= 0) {
				Matcher value = YEAR_VALUE.matcher(Text.normalize(cell(row, year)));
				if (!value.matches()) {
					problems.add(new SourceProblem(d.document(), row.line(),
							"the year of '" + listed + "' is '" + cell(row, year) + "', not a year such as 2025"));
					continue;
				}
				edition = this.shared.of(Integer.valueOf(value.group(1)));
			}
			int position = rowsPerEdition.merge(edition, 1, Integer::sum);
			int listedRank = position;
			if (rank >= 0) {
				String text = Text.normalize(cell(row, rank));
				if (!DIGITS.matcher(text).matches()) {
					problems.add(new SourceProblem(d.document(), row.line(),
							"the rank of '" + listed + "' is '" + cell(row, rank) + "', not a whole number"));
					continue;
				}
				listedRank = Integer.parseInt(text);
			}
			List<String> context = new ArrayList<>();
			if (regionColumn) {
				for (int c : regions) {
					for (String part : Text.normalize(cell(row, c)).split("[,、\\s]+")) {
						if (!part.isBlank()) {
							context.add(part.strip());
						}
					}
				}
			}
			out.add(new RawListing(d.key(), edition, listedRank, listed, d.document(), row.line(),
					this.shared.of(List.copyOf(context)), null));
		}
		return out;
	}

	/** 集群名称 and its variants, such as 中小企业特色产业集群名称. */
	private static boolean isName(String column) {
		return NAME.contains(column) || NAMED.matcher(column).matches();
	}

	private static String column(String header) {
		return Text.normalize(header.replace("\"", "")).toLowerCase(Locale.ROOT);
	}

	private static String cell(Csv.Record row, int column) {
		return (column < row.cells().size()) ? row.cells().get(column) : "";
	}

}
