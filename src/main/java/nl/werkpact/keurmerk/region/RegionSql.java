package nl.werkpact.keurmerk.region;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.StringValue;
import net.sf.jsqlparser.expression.operators.conditional.AndExpression;
import net.sf.jsqlparser.expression.operators.relational.EqualsTo;
import net.sf.jsqlparser.expression.operators.relational.ExpressionList;
import net.sf.jsqlparser.expression.operators.relational.ParenthesedExpressionList;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.delete.Delete;
import net.sf.jsqlparser.statement.insert.Insert;
import net.sf.jsqlparser.statement.select.FromItem;
import net.sf.jsqlparser.statement.select.Join;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.SelectItem;
import net.sf.jsqlparser.statement.select.Values;
import net.sf.jsqlparser.statement.update.Update;
import net.sf.jsqlparser.statement.update.UpdateSet;
import net.sf.jsqlparser.util.TablesNamesFinder;

/**
 * Gives every statement of the app's own data access its region, where every statement passes (the app's
 * {@code JdbcTemplate}, {@code NamedParameterJdbcTemplate} and {@code JdbcClient} run on {@link RegionDataSource}),
 * so that no repository has to remember it:
 *
 * <ul>
 *   <li>each table of a region (the project's own tables that carry {@code region_code}) read, changed or deleted in
 *       a statement, in its subqueries and joins too, gets {@code region_code = '<region>'} (for an outer join in
 *       its {@code ON}, so the join stays outer);
 *   <li>a row inserted gets the region as its {@code region_code}; a statement that names {@code region_code} itself
 *       is refused, except an {@code INSERT ... SELECT} that copies it from rows the scope already limits;
 *   <li>a statement on a region's table is refused in the scope {@link RegionScope#NONE}, and one that cannot be
 *       read is refused in any region (fail closed); national and system work ({@link RegionScope#ALL}) is not
 *       changed.
 * </ul>
 *
 * A statement is parsed once for every region and every length of its lists of parameters: it is rewritten for a
 * stand-in region with each list of parameters ({@code IN (?, ?, ?)}) written as one, and that rewrite is kept by
 * its text; a region's statement is the kept one with the region's code and the lists put back. A country's reminder
 * round (35 regions, chunks of 200 e-mails, lists of each chunk's length) parsed 100 ms per chunk before.
 */
public final class RegionSql {

  /** The project's own tables that carry the region, each in its column. */
  static final Map<String, String> REGION_TABLES =
      Map.ofEntries(
          Map.entry("employer", "region_code"),
          Map.entry("convenant", "region_code"),
          Map.entry("audit", "region_code"),
          Map.entry("keurmerk", "region_code"),
          Map.entry("keurmerk_status_change", "region_code"),
          Map.entry("membership", "region_code"),
          Map.entry("correspondence", "region_code"),
          Map.entry("correspondence_event", "region_code"),
          Map.entry("employer_contact_change", "region_code"),
          Map.entry("contact_proposal", "region_code"),
          Map.entry("audit_figures_draft", "region_code"),
          Map.entry("scan_contact_request", "region_code"),
          Map.entry("task_escalation", "region_code"),
          Map.entry("import_run", "region_code"),
          Map.entry("keurmerk_number_counter", "region_code"),
          Map.entry("reminder_round_lease", "region_code"),
          Map.entry("network_meeting", "region_code"),
          Map.entry("keurmerk_suspension", "region_code"),
          Map.entry("ceremony", "region_code"),
          Map.entry("ceremony_holder", "region_code"),
          Map.entry("intent_request", "region_code"),
          // Camunda's task history as the app's own pages read it (Doorlooptijden): the tenant is
          // the region
          Map.entry("act_hi_taskinst", "TENANT_ID_"));

  private static final Pattern REGION_CODE = Pattern.compile("[a-z][a-z0-9-]{1,19}");

  private static final Pattern MENTIONS_REGION_TABLE =
      Pattern.compile("(?i)\\b(" + String.join("|", REGION_TABLES.keySet()) + ")\\b");

  private static final int CACHED_AT_MOST = 20_000;

  /** Rewritten for {@link #STAND_IN}, by the text with its lists of parameters written as one. */
  private static final Map<String, String> REWRITTEN = new ConcurrentHashMap<>();

  /** The region a kept rewrite names: no region code, and no text this app writes, contains it. */
  private static final String STAND_IN = "\u0001region\u0001";

  private static final String STAND_IN_LITERAL = "'" + STAND_IN + "'";

  /** How many statements were parsed (for the tests). */
  static final AtomicLong PARSED = new AtomicLong();

  private RegionSql() {}

  /** The statement as this thread's scope may run it. */
  public static String forCurrentScope(String sql) {
    return forScope(sql, RegionScope.current());
  }

  /** The statement as the scope given may run it. */
  public static String forScope(String sql, String scope) {
    if (RegionScope.ALL.equals(scope) || sql == null) {
      return sql;
    }
    if (!MENTIONS_REGION_TABLE.matcher(sql).find()) {
      return sql;
    }
    if (RegionScope.NONE.equals(scope)) {
      throw new RegionAccessRefused(
          "Deze gebruiker hoort bij geen regio en ziet daarom geen gegevens van werkgevers.");
    }
    if (!REGION_CODE.matcher(scope).matches()) {
      throw new IllegalArgumentException("Not a region code: " + scope);
    }
    if (sql.indexOf('\u0001') >= 0) {
      return rewrite(sql, scope);
    }
    ParameterLists lists = ParameterLists.of(sql);
    String kept = REWRITTEN.get(lists.text());
    if (kept == null) {
      try {
        kept = rewrite(lists.text(), STAND_IN);
      } catch (RegionAccessRefused refused) {
        return rewrite(sql, scope); // refused in the words of the statement as it came
      }
      if (REWRITTEN.size() >= CACHED_AT_MOST) {
        REWRITTEN.clear();
      }
      REWRITTEN.put(lists.text(), kept);
    }
    String expanded = lists.putBack(kept.replace(STAND_IN_LITERAL, "'" + scope + "'"));
    return expanded != null ? expanded : rewrite(sql, scope);
  }

  static String rewrite(String sql, String region) {
    Statement statement;
    try {
      PARSED.incrementAndGet();
      statement = CCJSqlParserUtil.parse(sql);
    } catch (JSQLParserException e) {
      throw new RegionAccessRefused(
          "A statement on a region's table could not be read, so it is not run: "
              + sql
              + " ("
              + e.getMessage()
              + ")");
    }
    var selects = new Collector();
    statement.accept(selects, null);
    for (PlainSelect select : selects.found) {
      limit(select, region);
    }
    if (statement instanceof Insert insert) {
      insert(insert, region, sql);
    } else if (statement instanceof Update update) {
      if (isRegionTable(update.getTable())) {
        for (UpdateSet set : update.getUpdateSets()) {
          for (Column column : set.getColumns()) {
            if (column.getColumnName().equalsIgnoreCase(column(update.getTable()))) {
              throw new RegionAccessRefused("A row cannot move to another region: " + sql);
            }
          }
        }
        update.setWhere(and(update.getWhere(), equalsRegion(update.getTable(), region)));
      }
    } else if (statement instanceof Delete delete) {
      if (isRegionTable(delete.getTable())) {
        delete.setWhere(and(delete.getWhere(), equalsRegion(delete.getTable(), region)));
      }
    }
    return statement.toString();
  }

  private static void limit(PlainSelect select, String region) {
    FromItem from = select.getFromItem();
    if (from instanceof Table table && isRegionTable(table)) {
      select.setWhere(and(select.getWhere(), equalsRegion(table, region)));
    }
    if (select.getJoins() == null) {
      return;
    }
    for (Join join : select.getJoins()) {
      if (join.getRightItem() instanceof Table table && isRegionTable(table)) {
        Expression limited = equalsRegion(table, region);
        if (join.isSimple() || join.isCross() || join.getOnExpressions().isEmpty()) {
          select.setWhere(and(select.getWhere(), limited));
        } else {
          List<Expression> on = new ArrayList<>(join.getOnExpressions());
          Expression last = on.remove(on.size() - 1);
          on.add(and(last, limited));
          join.setOnExpressions(on);
        }
      }
    }
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static void insert(Insert insert, String region, String sql) {
    Table table = insert.getTable();
    if (!isRegionTable(table)) {
      return;
    }
    String column = column(table);
    ExpressionList<Column> columns = insert.getColumns();
    if (columns == null) {
      throw new RegionAccessRefused("An insert into a region's table names its columns: " + sql);
    }
    boolean named = columns.stream().anyMatch(c -> c.getColumnName().equalsIgnoreCase(column));
    if (named) {
      if (insert.getSelect() instanceof PlainSelect) {
        return; // copied from rows this scope already limits
      }
      throw new RegionAccessRefused(
          "An insert in a region's work does not name " + column + "; the region gives it: " + sql);
    }
    columns.add(new Column(column));
    var select = insert.getSelect();
    if (select instanceof Values values) {
      ExpressionList rows = values.getExpressions();
      if (!rows.isEmpty() && rows.get(0) instanceof ParenthesedExpressionList) {
        for (Object row : rows) {
          ((ExpressionList) row).add(new StringValue(region));
        }
      } else {
        rows.add(new StringValue(region));
      }
    } else if (select instanceof PlainSelect plain) {
      plain.addSelectItems(new SelectItem<>(new StringValue(region)));
    } else {
      throw new RegionAccessRefused("This insert cannot be given its region: " + sql);
    }
  }

  private static boolean isRegionTable(Table table) {
    return table != null && REGION_TABLES.containsKey(table.getName().toLowerCase(Locale.ROOT));
  }

  private static String column(Table table) {
    return REGION_TABLES.get(table.getName().toLowerCase(Locale.ROOT));
  }

  private static Expression equalsRegion(Table table, String region) {
    String qualifier = table.getAlias() != null ? table.getAlias().getName() : table.getName();
    return new EqualsTo(new Column(new Table(qualifier), column(table)), new StringValue(region));
  }

  private static Expression and(Expression where, Expression limited) {
    return where == null
        ? limited
        : new AndExpression(new ParenthesedExpressionList<>(where), limited);
  }

  /**
   * A statement's text with every list of parameters ({@code ?, ?, ?}) written as one {@code ?}, and each
   * parameter's length in that text (1 for a parameter on its own). Parameters in quotes and comments are text, not
   * parameters. A rewrite keeps the parameters in their order, so they can be put back.
   */
  record ParameterLists(String text, int[] lengths) {

    static ParameterLists of(String sql) {
      var text = new StringBuilder(sql.length());
      var lengths = new ArrayList<Integer>();
      int i = 0;
      while (i < sql.length()) {
        int skipped = skipQuotedOrComment(sql, i);
        if (skipped > i) {
          text.append(sql, i, skipped);
          i = skipped;
          continue;
        }
        char c = sql.charAt(i);
        if (c != '?') {
          text.append(c);
          i++;
          continue;
        }
        int length = 1;
        int end = i + 1;
        while (true) {
          int j = end;
          while (j < sql.length() && Character.isWhitespace(sql.charAt(j))) {
            j++;
          }
          if (j >= sql.length() || sql.charAt(j) != ',') {
            break;
          }
          j++;
          while (j < sql.length() && Character.isWhitespace(sql.charAt(j))) {
            j++;
          }
          if (j >= sql.length() || sql.charAt(j) != '?') {
            break;
          }
          length++;
          end = j + 1;
        }
        text.append('?');
        lengths.add(length);
        i = end;
      }
      return new ParameterLists(
          text.toString(), lengths.stream().mapToInt(Integer::intValue).toArray());
    }

    /** The rewritten text with each list as it came; {@code null} when its parameters are not those of the text. */
    String putBack(String rewritten) {
      var out = new StringBuilder(rewritten.length() + 3 * lengths.length);
      int parameter = 0;
      int i = 0;
      while (i < rewritten.length()) {
        int skipped = skipQuotedOrComment(rewritten, i);
        if (skipped > i) {
          out.append(rewritten, i, skipped);
          i = skipped;
          continue;
        }
        char c = rewritten.charAt(i++);
        out.append(c);
        if (c == '?') {
          if (parameter >= lengths.length) {
            return null;
          }
          out.append(", ?".repeat(lengths[parameter++] - 1));
        }
      }
      return parameter == lengths.length ? out.toString() : null;
    }

    /** Where a quoted text, quoted name or comment that starts at {@code i} ends; {@code i} when none starts. */
    private static int skipQuotedOrComment(String sql, int i) {
      char c = sql.charAt(i);
      if (c == '\'' || c == '"') {
        int j = i + 1;
        while (j < sql.length()) {
          if (sql.charAt(j) == c) {
            if (j + 1 < sql.length() && sql.charAt(j + 1) == c) {
              j += 2; // a doubled quote inside
              continue;
            }
            return j + 1;
          }
          j++;
        }
        return sql.length();
      }
      if (sql.startsWith("--", i)) {
        int end = sql.indexOf('\n', i);
        return end < 0 ? sql.length() : end;
      }
      if (sql.startsWith("/*", i)) {
        int end = sql.indexOf("*/", i + 2);
        return end < 0 ? sql.length() : end + 2;
      }
      return i;
    }
  }

  /** Every plain SELECT of a statement: its own, its subqueries', its CTEs' and its set operations'. */
  private static final class Collector extends TablesNamesFinder<Void> {
    private final List<PlainSelect> found = new ArrayList<>();

    Collector() {
      init(true);
    }

    @Override
    public <S> Void visit(PlainSelect plainSelect, S context) {
      found.add(plainSelect);
      return super.visit(plainSelect, context);
    }
  }
}
