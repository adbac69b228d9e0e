package org.hybridonboarding.simulation;

import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedAddRequest;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedCompareRequest;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedDeleteRequest;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedModifyDNRequest;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedModifyRequest;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedRequest;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedSearchRequest;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedSimpleBindRequest;
import com.unboundid.ldap.listener.interceptor.InMemoryOperationInterceptor;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** Counts the LDAP operations of connections bound as one DN (the application's), by kind. */
final class LdapOperationCounter extends InMemoryOperationInterceptor {

  private final String bindDn;
  /** By connection: its id and the client's port, as each listener numbers its connections from 0. */
  private final Map<String, String> boundAs = new ConcurrentHashMap<>();
  private final Map<String, AtomicLong> counts = new ConcurrentHashMap<>();
  /** Searches by what they ask for (the filter without its values, the scope), to tell the steps' searches apart. */
  private final Map<String, AtomicLong> searches = new ConcurrentHashMap<>();

  LdapOperationCounter(String bindDn) {
    this.bindDn = bindDn;
  }

  @Override
  public void processSimpleBindRequest(InMemoryInterceptedSimpleBindRequest request) {
    boundAs.put(connection(request), request.getRequest().getBindDN());
    count(request, "bind");
  }

  @Override
  public void processSearchRequest(InMemoryInterceptedSearchRequest request) {
    if (count(request, "search")) {
      String shape = request.getRequest().getFilter().toString().replaceAll("=[^()]*\\)", "=…)")
          + " " + request.getRequest().getScope().getName();
      searches.computeIfAbsent(shape, k -> new AtomicLong()).incrementAndGet();
    }
  }

  @Override
  public void processAddRequest(InMemoryInterceptedAddRequest request) {
    count(request, "add");
  }

  @Override
  public void processModifyRequest(InMemoryInterceptedModifyRequest request) {
    count(request, "modify");
  }

  @Override
  public void processModifyDNRequest(InMemoryInterceptedModifyDNRequest request) {
    count(request, "modifyDN");
  }

  @Override
  public void processDeleteRequest(InMemoryInterceptedDeleteRequest request) {
    count(request, "delete");
  }

  @Override
  public void processCompareRequest(InMemoryInterceptedCompareRequest request) {
    count(request, "compare");
  }

  private boolean count(InMemoryInterceptedRequest request, String kind) {
    if (bindDn.equalsIgnoreCase(boundAs.get(connection(request)))) {
      counts.computeIfAbsent(kind, k -> new AtomicLong()).incrementAndGet();
      return true;
    }
    return false;
  }

  private static String connection(InMemoryInterceptedRequest request) {
    return request.getConnectionID() + "@" + request.getConnectedAddress() + ":" + request.getConnectedPort();
  }

  Map<String, Long> counts() {
    Map<String, Long> snapshot = new TreeMap<>();
    counts.forEach((kind, count) -> snapshot.put(kind, count.get()));
    return snapshot;
  }

  Map<String, Long> searches() {
    Map<String, Long> snapshot = new TreeMap<>();
    searches.forEach((shape, count) -> snapshot.put(shape, count.get()));
    return snapshot;
  }

  void reset() {
    counts.clear();
    searches.clear();
  }
}
