package org.hybridonboarding.simulation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Graph's $filter on users as far as the onboarding and its tests use it: eq on properties, ORs
 * of ANDs, proxyAddresses/any(…), and Graph's rule that some properties need an advanced query
 * (ConsistencyLevel: eventual with $count=true) and others none at all.
 */
final class ODataFilter {

  private static final Pattern FILTER_CLAUSE = Pattern.compile(
      "\\s*(?:(\\w+)\\s+eq\\s+(?:'((?:[^']|'')*)'|(true|false))|proxyAddresses/any\\((\\w+):\\4\\s+eq\\s+'((?:[^']|'')*)'\\))\\s*");
  /** Filterable by default; everything else in a filter needs an advanced query or is unsupported. */
  private static final Set<String> DEFAULT_FILTERABLE = Set.of("id", "userPrincipalName", "employeeId",
      "onPremisesSecurityIdentifier", "onPremisesSyncEnabled", "usageLocation", "mail", "displayName",
      "givenName", "surname", "accountEnabled", "proxyAddresses");
  private static final Set<String> ADVANCED_FILTERABLE = Set.of("onPremisesImmutableId",
      "onPremisesSamAccountName", "onPremisesLastSyncDateTime");
  private ODataFilter() {
  }

  @SuppressWarnings("unchecked")
  static boolean matches(Map<String, Object> user, String[] clause) {
    Object value = user.get(clause[0]);
    if (value instanceof List<?> list) {
      return ((List<Object>) list).stream().anyMatch(v -> clause[1].equalsIgnoreCase(String.valueOf(v)));
    }
    return clause[1].equalsIgnoreCase(String.valueOf(value));
  }

  /** Parses "a eq 'x' and b eq 'y' or proxyAddresses/any(p:p eq 'z')" as ORs of ANDs. */
  static List<List<String[]>> parse(String filter, boolean advanced) {
    List<List<String[]>> disjunction = new ArrayList<>();
    if (filter == null || filter.isBlank()) {
      return disjunction;
    }
    for (String conjunction : filter.split("(?i)\\s+or\\s+")) {
      List<String[]> clauses = new ArrayList<>();
      for (String clause : conjunction.split("(?i)\\s+and\\s+")) {
        Matcher m = FILTER_CLAUSE.matcher(clause);
        if (!m.matches()) {
          throw new GraphError(400, "BadRequest", "Invalid filter clause: " + clause.strip());
        }
        String property = m.group(1) != null ? m.group(1) : "proxyAddresses";
        boolean supported = DEFAULT_FILTERABLE.contains(property)
            || (advanced && ADVANCED_FILTERABLE.contains(property));
        if (!supported) {
          throw new GraphError(400, "Request_UnsupportedQuery",
              "Unsupported or invalid query filter clause specified for property '" + property + "' of resource 'User'.");
        }
        String value = m.group(2) != null ? m.group(2) : m.group(3) != null ? m.group(3) : m.group(5);
        clauses.add(new String[] {property, value.replace("''", "'")});
      }
      disjunction.add(clauses);
    }
    return disjunction;
  }

}
