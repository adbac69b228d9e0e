package org.hybridonboarding.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class ObjectGuidsTest {

  /** The bytes AD stores for GUID 3f2504e0-4f89-11d3-9a0c-0305e82c3301: first three fields little-endian. */
  static final byte[] RAW = HexFormat.of().parseHex("e004253f894fd3119a0c0305e82c3301");

  @Test
  void immutableIdIsBase64OfTheRawBytes() {
    assertThat(ObjectGuids.immutableId(RAW)).isEqualTo("4AQlP4lP0xGaDAMF6CwzAQ==");
  }

  @Test
  void guidStringSwapsTheFirstThreeFields() {
    assertThat(ObjectGuids.toGuidString(RAW)).isEqualTo("3f2504e0-4f89-11d3-9a0c-0305e82c3301");
  }

  @Test
  void onlySixteenBytesAreAGuid() {
    assertThatThrownBy(() -> ObjectGuids.immutableId(new byte[15])).isInstanceOf(IllegalArgumentException.class);
  }
}
