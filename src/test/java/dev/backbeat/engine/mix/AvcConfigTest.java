package dev.backbeat.engine.mix;

import org.junit.jupiter.api.Test;

import java.util.HexFormat;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The avcC records libx264 wrote for a 1080p High-profile stream, with parameter-set ids 0 and 3. */
class AvcConfigTest {
    private static final byte[] ID0 = HexFormat.of().parseHex("01640028ffe1001b67640028acd94078"
            + "0227e5c04400000300040000 0300f03c60c658010004 68ef8fcbfdf8f800".replace(" ", ""));
    private static final byte[] ID3 = HexFormat.of().parseHex("01640028ffe1001b6764002822cd9407"
            + "80227e5c04400000030040 00000f03c60c6580010005 68212f8fcbfdf8f800".replace(" ", ""));

    @Test
    void readsIdsAndJoinsTwoStreamsSetsInOneRecord() {
        AvcConfig a = AvcConfig.parse(ID0);
        AvcConfig b = AvcConfig.parse(ID3);
        assertEquals(List.of(0), a.spsIds());
        assertEquals(List.of(0), a.ppsIds());
        assertEquals(List.of(3), b.spsIds());
        assertEquals(List.of(3), b.ppsIds());
        assertEquals(0x64, a.profile());
        assertEquals(40, a.level());
        assertEquals(4, a.nalLengthSize());
        assertArrayEquals(ID0, a.bytes(), "written back as read");

        AvcConfig joined = AvcConfig.parse(a.with(b).bytes());
        assertEquals(List.of(0, 3), joined.spsIds());
        assertEquals(List.of(0, 3), joined.ppsIds());
        assertArrayEquals(HexFormat.of().parseHex("fdf8f800"), joined.tail(), "High profile's chroma and depth bytes kept");
    }

    @Test
    void packetsAreSplitIntoTheirUnits() {
        byte[] packet = HexFormat.of().parseHex("00000002" + "0601" + "00000003" + "658888");
        assertEquals(List.of(6, 5), AvcConfig.nalTypes(packet, 4));
        assertNull(AvcConfig.nalTypes(HexFormat.of().parseHex("00000009" + "6588"), 4), "lengths past the packet");
        assertArrayEquals(HexFormat.of().parseHex("00000100"), AvcConfig.rbsp(HexFormat.of().parseHex("0000030100")));
        assertThrows(IllegalArgumentException.class, () -> AvcConfig.parse(HexFormat.of().parseHex("0000000167")));
    }
}
