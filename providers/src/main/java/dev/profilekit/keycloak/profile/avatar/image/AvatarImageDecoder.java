package dev.profilekit.keycloak.profile.avatar.image;

import java.awt.AlphaComposite;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Turns an uploaded picture into the avatar Profile Kit stores and serves: a {@value #SIZE}×{@value #SIZE} PNG
 * without any metadata, made from the centre square of the upload. A pure function (no I/O but memory, no state).
 *
 * <p>What it accepts, checked in this order, each refusal an {@link InvalidAvatarImageException} with a message key:
 * <ol>
 *   <li>at most {@code maxBytes} bytes ({@value #TOO_LARGE}), not empty ({@value #EMPTY});</li>
 *   <li>PNG, JPEG or WebP by their signature bytes — anything else (SVG, HTML, GIF, PDF, ...) is
 *       {@value #UNSUPPORTED};</li>
 *   <li>nothing outside the image's own structure: no bytes after PNG's IEND, JPEG's EOI or the RIFF size, no ZIP
 *       directory near the end, no HTML/SVG/script markup anywhere — such polyglots ("GIFAR"-like files that are also
 *       an archive or a web page) are {@value #INVALID}, as are truncated files;</li>
 *   <li>width and height, read from the image header <em>before</em> any pixel is decoded, at most
 *       {@value #MAX_SIDE} each and {@value #MAX_PIXELS} pixels in all ({@value #DIMENSIONS}): a decompression bomb
 *       is refused without allocating its pixels;</li>
 *   <li>the pixels must decode ({@value #INVALID}). Only the centre square is decoded, subsampled to between
 *       {@value #SIZE} and twice that, so memory stays small whatever the upload's size; a decoder that keeps
 *       reading past the end of a truncated file is stopped ({@link StrictEndImageInputStream}).</li>
 * </ol>
 * The output is always re-encoded from decoded pixels, so nothing of the upload but its picture survives; a JPEG's
 * EXIF orientation is honoured (phone portraits stand upright), and then no metadata is kept.
 */
public final class AvatarImageDecoder {

    /** Width and height of every stored avatar. */
    public static final int SIZE = 256;
    /** Largest accepted width or height. */
    public static final int MAX_SIDE = 8192;
    /** Largest accepted width × height (4096²). */
    public static final long MAX_PIXELS = 16_777_216L;

    public static final String EMPTY = "avatarEmpty";
    public static final String TOO_LARGE = "avatarTooLarge";
    public static final String UNSUPPORTED = "avatarFormatUnsupported";
    public static final String INVALID = "avatarImageInvalid";
    public static final String DIMENSIONS = "avatarDimensionsTooLarge";

    /** A ZIP reader looks for its end-of-central-directory record in the last 65,557 bytes of a file. */
    private static final int ZIP_EOCD_WINDOW = 65_535 + 22;
    private static final byte[] ZIP_EOCD = {'P', 'K', 5, 6};
    /** Lower-case markup that has no business in a picture (XMP metadata is XML, but never HTML or SVG). */
    private static final List<byte[]> MARKUP = List.of("<script", "<html", "<svg", "<!doctype", "<iframe", "<body", "<?php")
            .stream().map(text -> text.getBytes(StandardCharsets.US_ASCII)).toList();

    private final long maxBytes;

    /** @param maxBytes the largest upload accepted, in bytes */
    public AvatarImageDecoder(long maxBytes) {
        if (maxBytes < 1) {
            throw new IllegalArgumentException("maxBytes must be positive");
        }
        this.maxBytes = maxBytes;
    }

    /** @return the avatar as PNG bytes, {@value #SIZE}×{@value #SIZE}, without metadata */
    public byte[] decode(byte[] upload) throws InvalidAvatarImageException {
        if (upload == null || upload.length == 0) {
            throw new InvalidAvatarImageException(EMPTY);
        }
        if (upload.length > maxBytes) {
            throw tooLarge(maxBytes);
        }
        ImageFormat format = ImageFormat.detect(upload).orElseThrow(() -> new InvalidAvatarImageException(UNSUPPORTED));
        checkNothingButTheImage(format, upload);
        int orientation = format == ImageFormat.JPEG ? ExifOrientation.of(upload) : ExifOrientation.NORMAL;
        return encodePng(square(format, upload), orientation);
    }

    /** The refusal of an upload larger than {@code maxBytes} (message parameter: the limit in whole kB or MB). */
    public static InvalidAvatarImageException tooLarge(long maxBytes) {
        return new InvalidAvatarImageException(TOO_LARGE, humanSize(maxBytes));
    }

    static String humanSize(long bytes) {
        if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0) {
            return bytes / (1024 * 1024) + " MB";
        }
        if (bytes >= 1024) {
            return String.format(Locale.ROOT, "%d kB", bytes / 1024);
        }
        return bytes + " B";
    }

    private static void checkNothingButTheImage(ImageFormat format, byte[] data) throws InvalidAvatarImageException {
        int end = format.end(data);
        if (end < 0) {
            throw new InvalidAvatarImageException(INVALID);
        }
        for (int i = end; i < data.length; i++) {
            if (data[i] != 0) {
                throw new InvalidAvatarImageException(INVALID);
            }
        }
        if (indexOf(data, ZIP_EOCD, Math.max(0, data.length - ZIP_EOCD_WINDOW), false) >= 0) {
            throw new InvalidAvatarImageException(INVALID);
        }
        for (byte[] markup : MARKUP) {
            if (indexOf(data, markup, 0, true) >= 0) {
                throw new InvalidAvatarImageException(INVALID);
            }
        }
    }

    /** Decodes the centre square, subsampled to at least {@link #SIZE} and less than twice that per side where possible. */
    private static BufferedImage square(ImageFormat format, byte[] data) throws InvalidAvatarImageException {
        ImageReader reader = format.newReader();
        try (ImageInputStream input = new StrictEndImageInputStream(data)) {
            reader.setInput(input, true, true);
            int width = reader.getWidth(0);
            int height = reader.getHeight(0);
            if (width < 1 || height < 1) {
                throw new InvalidAvatarImageException(INVALID);
            }
            if (width > MAX_SIDE || height > MAX_SIDE || (long) width * height > MAX_PIXELS) {
                throw new InvalidAvatarImageException(DIMENSIONS, MAX_SIDE, MAX_PIXELS / 1_000_000);
            }
            int side = Math.min(width, height);
            ImageReadParam param = reader.getDefaultReadParam();
            param.setSourceRegion(new Rectangle((width - side) / 2, (height - side) / 2, side, side));
            int subsampling = Math.max(1, side / SIZE);
            param.setSourceSubsampling(subsampling, subsampling, 0, 0);
            BufferedImage decoded = reader.read(0, param);
            if (decoded == null || decoded.getWidth() < 1 || decoded.getHeight() < 1) {
                throw new InvalidAvatarImageException(INVALID);
            }
            return decoded;
        } catch (IOException | RuntimeException unreadable) {
            // malformed input surfaces as IIOException, or as runtime exceptions from deep inside a decoder
            throw new InvalidAvatarImageException(INVALID);
        } finally {
            reader.dispose();
        }
    }

    private static byte[] encodePng(BufferedImage decoded, int orientation) {
        boolean alpha = decoded.getColorModel().hasAlpha();
        BufferedImage scaled = decoded;
        while (scaled.getWidth() / 2 >= SIZE && scaled.getHeight() / 2 >= SIZE) {
            scaled = scale(scaled, scaled.getWidth() / 2, scaled.getHeight() / 2, alpha);
        }
        BufferedImage avatar = ExifOrientation.apply(scale(scaled, SIZE, SIZE, alpha), orientation);
        ByteArrayOutputStream png = new ByteArrayOutputStream(64 * 1024);
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("png");
        ImageWriter writer = writers.next();
        try (MemoryCacheImageOutputStream output = new MemoryCacheImageOutputStream(png)) {
            writer.setOutput(output);
            writer.write(null, new IIOImage(avatar, null, null), writer.getDefaultWriteParam());
        } catch (IOException e) {
            throw new UncheckedIOException("writing a PNG to memory", e);
        } finally {
            writer.dispose();
        }
        return png.toByteArray();
    }

    private static BufferedImage scale(BufferedImage source, int width, int height, boolean alpha) {
        BufferedImage target = new BufferedImage(width, height, alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = target.createGraphics();
        try {
            graphics.setComposite(AlphaComposite.Src);
            graphics.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
            graphics.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            graphics.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            graphics.drawImage(source, 0, 0, width, height, null);
        } finally {
            graphics.dispose();
        }
        return target;
    }

    private static int indexOf(byte[] data, byte[] pattern, int from, boolean ignoreAsciiCase) {
        outer:
        for (int i = from; i + pattern.length <= data.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                byte b = data[i + j];
                if (ignoreAsciiCase && b >= 'A' && b <= 'Z') {
                    b = (byte) (b + ('a' - 'A'));
                }
                if (b != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
