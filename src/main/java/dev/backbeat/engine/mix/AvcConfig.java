package dev.backbeat.engine.mix;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * An H.264 stream's parameter sets as MP4 stores them (the {@code avcC} record): profile, level, NAL
 * length size, the SPS and PPS units, and the High-profile tail (chroma format, bit depths). Two
 * streams whose sets carry different ids can share one record, so pictures re-encoded with their own
 * ids sit beside copied ones in a single, ordinary {@code avc1} track.
 */
record AvcConfig(int profile, int compatibility, int level, int nalLengthSize, List<byte[]> sps, List<byte[]> pps,
                 byte[] tail) {

    AvcConfig {
        sps = List.copyOf(sps);
        pps = List.copyOf(pps);
        tail = tail.clone();
    }

    /** Reads an {@code avcC} record; throws IllegalArgumentException when it is not one. */
    static AvcConfig parse(byte[] b) {
        if (b.length < 7 || b[0] != 1) {
            throw new IllegalArgumentException("not an avcC record (it may be Annex B parameter sets)");
        }
        int p = 5;
        int nalLength = (b[4] & 3) + 1;
        List<byte[]> sps = new ArrayList<>();
        int count = b[p++] & 0x1f;
        for (int i = 0; i < count; i++) {
            int len = u16(b, p);
            sps.add(slice(b, p + 2, len));
            p += 2 + len;
        }
        List<byte[]> pps = new ArrayList<>();
        count = b[p++] & 0xff;
        for (int i = 0; i < count; i++) {
            int len = u16(b, p);
            pps.add(slice(b, p + 2, len));
            p += 2 + len;
        }
        if (p > b.length) {
            throw new IllegalArgumentException("the avcC record is cut short");
        }
        return new AvcConfig(b[1] & 0xff, b[2] & 0xff, b[3] & 0xff, nalLength, sps, pps, slice(b, p, b.length - p));
    }

    /** The same record with {@code other}'s parameter sets added after this one's (profile and level stay this one's). */
    AvcConfig with(AvcConfig other) {
        List<byte[]> s = new ArrayList<>(sps);
        s.addAll(other.sps);
        List<byte[]> q = new ArrayList<>(pps);
        q.addAll(other.pps);
        return new AvcConfig(profile, compatibility, level, nalLengthSize, s, q, tail);
    }

    byte[] bytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(1);
        out.write(profile);
        out.write(compatibility);
        out.write(level);
        out.write(0xfc | (nalLengthSize - 1));
        out.write(0xe0 | sps.size());
        for (byte[] s : sps) {
            out.write(s.length >> 8);
            out.write(s.length & 0xff);
            out.writeBytes(s);
        }
        out.write(pps.size());
        for (byte[] q : pps) {
            out.write(q.length >> 8);
            out.write(q.length & 0xff);
            out.writeBytes(q);
        }
        out.writeBytes(tail);
        return out.toByteArray();
    }

    /** The ids of the sequence parameter sets. */
    List<Integer> spsIds() {
        // seq_parameter_set_id follows profile_idc, the constraint flags and level_idc
        return sps.stream().map(s -> new Bits(rbsp(s), 4).ue()).toList();
    }

    /** The ids of the picture parameter sets. */
    List<Integer> ppsIds() {
        return pps.stream().map(q -> new Bits(rbsp(q), 1).ue()).toList();
    }

    /** The NAL unit types in one AVCC packet (length-prefixed units), or null when the lengths do not add up to its size. */
    static List<Integer> nalTypes(byte[] packet, int lengthSize) {
        List<Integer> types = new ArrayList<>();
        int p = 0;
        while (p < packet.length) {
            if (p + lengthSize > packet.length) {
                return null;
            }
            long len = 0;
            for (int i = 0; i < lengthSize; i++) {
                len = len << 8 | (packet[p + i] & 0xff);
            }
            p += lengthSize;
            if (len <= 0 || p + len > packet.length) {
                return null;
            }
            types.add(packet[p] & 0x1f);
            p += (int) len;
        }
        return types;
    }

    /** The unit without emulation-prevention bytes (00 00 03 → 00 00). */
    static byte[] rbsp(byte[] nal) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(nal.length);
        int zeros = 0;
        for (byte x : nal) {
            if (zeros >= 2 && x == 3) {
                zeros = 0;
                continue;
            }
            zeros = x == 0 ? zeros + 1 : 0;
            out.write(x);
        }
        return out.toByteArray();
    }

    private static int u16(byte[] b, int p) {
        if (p + 2 > b.length) {
            throw new IllegalArgumentException("the avcC record is cut short");
        }
        return (b[p] & 0xff) << 8 | (b[p + 1] & 0xff);
    }

    private static byte[] slice(byte[] b, int from, int len) {
        if (len < 0 || from + len > b.length) {
            throw new IllegalArgumentException("the avcC record is cut short");
        }
        return java.util.Arrays.copyOfRange(b, from, from + len);
    }

    /** Reads Exp-Golomb codes from a byte offset. */
    private static final class Bits {
        private final byte[] b;
        private int bit;

        Bits(byte[] b, int byteOffset) {
            this.b = b;
            this.bit = byteOffset * 8;
        }

        int ue() {
            int zeros = 0;
            while (next() == 0) {
                if (++zeros > 31) {
                    throw new IllegalArgumentException("a parameter set id cannot be read");
                }
            }
            int v = 0;
            for (int i = 0; i < zeros; i++) {
                v = v << 1 | next();
            }
            return (1 << zeros) - 1 + v;
        }

        private int next() {
            if (bit >= b.length * 8) {
                throw new IllegalArgumentException("a parameter set is cut short");
            }
            int v = (b[bit >> 3] >> (7 - (bit & 7))) & 1;
            bit++;
            return v;
        }
    }
}
