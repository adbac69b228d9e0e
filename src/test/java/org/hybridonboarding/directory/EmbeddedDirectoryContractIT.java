package org.hybridonboarding.directory;

import org.hybridonboarding.simulation.EmbeddedDirectoryFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The directory contract against the demo's embedded directory. */
class EmbeddedDirectoryContractIT extends DirectoryContract {

  static EmbeddedDirectoryFixture embedded;

  @BeforeAll
  static void start() throws Exception {
    embedded = new EmbeddedDirectoryFixture();
  }

  @AfterAll
  static void stop() {
    embedded.close();
  }

  @Override
  String[] connection() {
    return new String[] {embedded.url(), EmbeddedDirectoryFixture.BASE, EmbeddedDirectoryFixture.ADMIN,
        EmbeddedDirectoryFixture.PASSWORD};
  }
}
