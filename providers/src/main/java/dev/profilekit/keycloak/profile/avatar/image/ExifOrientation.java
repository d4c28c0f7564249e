package dev.profilekit.keycloak.profile.avatar.image;

import java.awt.image.BufferedImage;

/**
 * The EXIF orientation of a JPEG (tag 0x0112 in IFD0 of its APP1 "Exif" segment): how a camera says the stored pixels
 * must be turned to be seen upright. Phones store portraits sideways with orientation 6 or 8.
 */
final class ExifOrientation {

    static final int NORMAL = 1;
    private static final int ORIENTATION_TAG = 0x0112;

    private ExifOrientation() {
    }

    /** The orientation (1-8) of a JPEG, {@link #NORMAL} if it has none or it cannot be read. */
    static int of(byte[] jpeg) {
        int offset = 2;
        while (offset + 4 <= jpeg.length && (jpeg[offset] & 0xff) == 0xff) {
            int marker = jpeg[offset + 1] & 0xff;
            if (marker == 0xda || marker == 0xd9) {
                return NORMAL; // the metadata segments come before the first scan
            }
            int length = u16(jpeg, offset + 2, true);
            int data = offset + 4;
            if (length < 2 || data + length - 2 > jpeg.length) {
                return NORMAL;
            }
            if (marker == 0xe1 && length >= 8 && jpeg[data] == 'E' && jpeg[data + 1] == 'x' && jpeg[data + 2] == 'i' && jpeg[data + 3] == 'f') {
                return fromTiff(jpeg, data + 6, data + length - 2);
            }
            offset = data + length - 2;
        }
        return NORMAL;
    }

    private static int fromTiff(byte[] b, int tiff, int end) {
        if (tiff + 8 > end) {
            return NORMAL;
        }
        boolean bigEndian = b[tiff] == 'M' && b[tiff + 1] == 'M';
        if (!bigEndian && !(b[tiff] == 'I' && b[tiff + 1] == 'I')) {
            return NORMAL;
        }
        long ifd = tiff + u32(b, tiff + 4, bigEndian);
        if (ifd + 2 > end) {
            return NORMAL;
        }
        int entries = u16(b, (int) ifd, bigEndian);
        for (int i = 0; i < entries; i++) {
            int entry = (int) ifd + 2 + i * 12;
            if (entry + 12 > end) {
                return NORMAL;
            }
            if (u16(b, entry, bigEndian) == ORIENTATION_TAG) {
                int value = u16(b, entry + 8, bigEndian);
                return value >= 1 && value <= 8 ? value : NORMAL;
            }
        }
        return NORMAL;
    }

    /** {@code square} turned upright according to {@code orientation}. */
    static BufferedImage apply(BufferedImage square, int orientation) {
        if (orientation == NORMAL) {
            return square;
        }
        int n = square.getWidth();
        BufferedImage upright = new BufferedImage(n, n, square.getType());
        for (int y = 0; y < n; y++) {
            for (int x = 0; x < n; x++) {
                int m = n - 1;
                int rgb = switch (orientation) {
                    case 2 -> square.getRGB(m - x, y);
                    case 3 -> square.getRGB(m - x, m - y);
                    case 4 -> square.getRGB(x, m - y);
                    case 5 -> square.getRGB(y, x);
                    case 6 -> square.getRGB(y, m - x);
                    case 7 -> square.getRGB(m - y, m - x);
                    case 8 -> square.getRGB(m - y, x);
                    default -> square.getRGB(x, y);
                };
                upright.setRGB(x, y, rgb);
            }
        }
        return upright;
    }

    private static int u16(byte[] b, int offset, boolean bigEndian) {
        return bigEndian ? (b[offset] & 0xff) << 8 | (b[offset + 1] & 0xff) : (b[offset + 1] & 0xff) << 8 | (b[offset] & 0xff);
    }

    private static long u32(byte[] b, int offset, boolean bigEndian) {
        return bigEndian
                ? ((long) u16(b, offset, true) << 16) | u16(b, offset + 2, true)
                : ((long) u16(b, offset + 2, false) << 16) | u16(b, offset, false);
    }
}
