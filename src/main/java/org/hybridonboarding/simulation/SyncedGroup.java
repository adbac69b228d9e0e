package org.hybridonboarding.simulation;

import java.util.List;

/** What Connect Sync reads of one AD group: its name, anchor and member DNs. */
record SyncedGroup(String dn, String immutableId, String name, List<String> memberDns) {
}
