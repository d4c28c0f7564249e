package dev.profilekit.keycloak.profile.avatar.image;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Optional;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import com.twelvemonkeys.imageio.plugins.webp.WebPImageReaderSpi;

/**
 * The image formats an avatar may be uploaded in, recognised by their signature bytes (never by a file name or a
 * declared content type), each with a walk over its container structure that finds where the image really ends.
 */
enum ImageFormat {

    PNG {
        @Override
        boolean matches(byte[] data) {
            return startsWith(data, PNG_SIGNATURE);
        }

        /** Chunk by chunk up to IEND: length (4, big-endian), type (4), data, CRC (4). */
        @Override
        int end(byte[] data) {
            int offset = PNG_SIGNATURE.length;
            while (offset + 12 <= data.length) {
                long length = readInt(data, offset) & 0xffffffffL;
                long next = offset + 12 + length;
                if (next > data.length) {
                    return -1;
                }
                boolean iend = data[offset + 4] == 'I' && data[offset + 5] == 'E' && data[offset + 6] == 'N' && data[offset + 7] == 'D';
                offset = (int) next;
                if (iend) {
                    return offset;
                }
            }
            return -1;
        }

        @Override
        ImageReader newReader() {
            return jdkReader("png");
        }
    },

    JPEG {
        @Override
        boolean matches(byte[] data) {
            return data.length >= 3 && (data[0] & 0xff) == 0xff && (data[1] & 0xff) == 0xd8 && (data[2] & 0xff) == 0xff;
        }

        /** Marker segments up to EOI; after each SOS the entropy-coded data runs to the next marker that is not a stuffed 0xFF00 or a restart marker. */
        @Override
        int end(byte[] data) {
            int offset = 2;
            while (offset < data.length) {
                if ((data[offset] & 0xff) != 0xff) {
                    return -1;
                }
                while (offset < data.length && (data[offset] & 0xff) == 0xff) {
                    offset++; // fill bytes
                }
                if (offset >= data.length) {
                    return -1;
                }
                int marker = data[offset++] & 0xff;
                if (marker == 0xd9) {
                    return offset;
                }
                if (marker == 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
                    continue;
                }
                if (offset + 2 > data.length) {
                    return -1;
                }
                int length = ((data[offset] & 0xff) << 8) | (data[offset + 1] & 0xff);
                if (length < 2 || offset + length > data.length) {
                    return -1;
                }
                offset += length;
                if (marker == 0xda) {
                    offset = afterEntropyCodedData(data, offset);
                    if (offset < 0) {
                        return -1;
                    }
                }
            }
            return -1;
        }

        private int afterEntropyCodedData(byte[] data, int offset) {
            for (int i = offset; i + 1 < data.length; i++) {
                if ((data[i] & 0xff) == 0xff) {
                    int next = data[i + 1] & 0xff;
                    if (next != 0x00 && next != 0xff && !(next >= 0xd0 && next <= 0xd7)) {
                        return i;
                    }
                }
            }
            return -1;
        }

        @Override
        ImageReader newReader() {
            return jdkReader("jpeg");
        }
    },

    WEBP {
        @Override
        boolean matches(byte[] data) {
            return data.length >= 12 && startsWith(data, RIFF) && data[8] == 'W' && data[9] == 'E' && data[10] == 'B' && data[11] == 'P';
        }

        /** A RIFF container says its own size (little-endian, after the 8-byte header), padded to an even length. */
        @Override
        int end(byte[] data) {
            long size = (data[4] & 0xffL) | (data[5] & 0xffL) << 8 | (data[6] & 0xffL) << 16 | (data[7] & 0xffL) << 24;
            long end = 8 + size + (size & 1);
            return end > data.length ? -1 : (int) end;
        }

        /** TwelveMonkeys' reader, created through its SPI directly: no reliance on ImageIO's service discovery. */
        @Override
        ImageReader newReader() {
            return new WebPImageReaderSpi().createReaderInstance(null);
        }
    };

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private static final byte[] RIFF = "RIFF".getBytes(StandardCharsets.US_ASCII);

    /** Whether {@code data} starts with this format's signature. */
    abstract boolean matches(byte[] data);

    /** The offset just after the image's last structure in {@code data}, or {@code -1} if it is truncated or malformed. */
    abstract int end(byte[] data);

    /** A fresh reader for this format; dispose it after use. */
    abstract ImageReader newReader();

    static Optional<ImageFormat> detect(byte[] data) {
        return Arrays.stream(values()).filter(format -> format.matches(data)).findFirst();
    }

    private static ImageReader jdkReader(String formatName) {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(formatName);
        if (!readers.hasNext()) {
            throw new IllegalStateException("The Java runtime has no " + formatName + " reader");
        }
        return readers.next();
    }

    private static boolean startsWith(byte[] data, byte[] prefix) {
        return data.length >= prefix.length && Arrays.equals(data, 0, prefix.length, prefix, 0, prefix.length);
    }

    private static int readInt(byte[] data, int offset) {
        return (data[offset] & 0xff) << 24 | (data[offset + 1] & 0xff) << 16 | (data[offset + 2] & 0xff) << 8 | (data[offset + 3] & 0xff);
    }
}
