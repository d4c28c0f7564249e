package dev.profilekit.keycloak.profile.avatar.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AvatarImageDecoderTest {

    private static final long TWO_MB = 2L * 1024 * 1024;
    private final AvatarImageDecoder decoder = new AvatarImageDecoder(TWO_MB);

    @Nested
    class Accepted {

        @Test
        void aPngBecomesA256SquarePng() throws Exception {
            byte[] avatar = decoder.decode(png(600, 400, BufferedImage.TYPE_INT_RGB));

            assertIsAvatarPng(avatar);
        }

        @Test
        void theCentreSquareIsKept() throws Exception {
            // left and right thirds red, centre blue: cropping to the centre square leaves blue only
            BufferedImage image = new BufferedImage(900, 300, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = image.createGraphics();
            g.setColor(Color.RED);
            g.fillRect(0, 0, 900, 300);
            g.setColor(Color.BLUE);
            g.fillRect(300, 0, 300, 300);
            g.dispose();

            BufferedImage avatar = read(decoder.decode(encode(image, "png")));

            assertThat(new Color(avatar.getRGB(2, 128))).isEqualTo(Color.BLUE);
            assertThat(new Color(avatar.getRGB(253, 128))).isEqualTo(Color.BLUE);
        }

        @Test
        void transparencySurvives() throws Exception {
            BufferedImage image = new BufferedImage(64, 64, BufferedImage.TYPE_INT_ARGB);

            BufferedImage avatar = read(decoder.decode(encode(image, "png")));

            assertThat(avatar.getColorModel().hasAlpha()).isTrue();
            assertThat(avatar.getRGB(128, 128) >>> 24).isZero();
        }

        @Test
        void aJpegBecomesA256SquarePng() throws Exception {
            assertIsAvatarPng(decoder.decode(encode(photo(1200, 900), "jpeg")));
        }

        @Test
        void aLargePhotoIsDecodedSubsampled() throws Exception {
            assertIsAvatarPng(decoder.decode(encode(photo(4000, 3000), "jpeg")));
        }

        @Test
        void aTinyPictureIsScaledUp() throws Exception {
            assertIsAvatarPng(decoder.decode(png(1, 1, BufferedImage.TYPE_INT_RGB)));
        }

        @ParameterizedTest
        @ValueSource(strings = {"lossy.webp", "lossless.webp", "alpha.webp"})
        void webpBecomesA256SquarePng(String file) throws Exception {
            byte[] avatar = decoder.decode(resource(file));

            assertIsAvatarPng(avatar);
            if (file.equals("alpha.webp")) {
                assertThat(read(avatar).getColorModel().hasAlpha()).isTrue();
            }
        }

        @Test
        void metadataIsStripped() throws Exception {
            byte[] withText = insertChunkAfterIhdr(png(300, 300, BufferedImage.TYPE_INT_RGB), "tEXt", "Comment\0secret-location-51.5N".getBytes(StandardCharsets.ISO_8859_1));

            byte[] avatar = decoder.decode(withText);

            assertThat(new String(avatar, StandardCharsets.ISO_8859_1)).doesNotContain("secret-location").doesNotContain("tEXt");
        }

        @ParameterizedTest
        @org.junit.jupiter.params.provider.CsvSource({"1,0,0", "6,255,0", "8,0,255", "3,255,255"})
        void aJpegsExifOrientationIsApplied(int orientation, int redX, int redY) throws Exception {
            // red block in the stored top-left corner; orientation 6 turns it 90° clockwise (top-right), 8 counter-clockwise (bottom-left)
            BufferedImage image = new BufferedImage(300, 300, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = image.createGraphics();
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, 300, 300);
            g.setColor(Color.RED);
            g.fillRect(0, 0, 100, 100);
            g.dispose();
            for (boolean bigEndian : new boolean[] {true, false}) {
                byte[] jpeg = withExifOrientation(encode(image, "jpeg"), orientation, bigEndian);

                BufferedImage avatar = read(decoder.decode(jpeg));

                Color corner = new Color(avatar.getRGB(redX == 0 ? 10 : 245, redY == 0 ? 10 : 245));
                assertThat(corner.getRed()).isGreaterThan(200);
                assertThat(corner.getGreen()).as("orientation " + orientation + (bigEndian ? " MM" : " II")).isLessThan(80);
            }
        }

        @Test
        void trailingZeroPaddingIsTolerated() throws Exception {
            byte[] padded = Arrays.copyOf(png(100, 100, BufferedImage.TYPE_INT_RGB), png(100, 100, BufferedImage.TYPE_INT_RGB).length + 16);

            assertIsAvatarPng(decoder.decode(padded));
        }
    }

    @Nested
    class Refused {

        @Test
        void nothing() {
            assertRefused(new byte[0], AvatarImageDecoder.EMPTY);
        }

        @Test
        void moreThanTheLimit() throws Exception {
            AvatarImageDecoder small = new AvatarImageDecoder(1024);
            byte[] png = encode(photo(300, 300), "png");

            assertThatThrownBy(() -> small.decode(png)).isInstanceOf(InvalidAvatarImageException.class)
                    .satisfies(e -> {
                        assertThat(((InvalidAvatarImageException) e).messageKey()).isEqualTo(AvatarImageDecoder.TOO_LARGE);
                        assertThat(((InvalidAvatarImageException) e).params()).containsExactly("1 kB");
                    });
        }

        @Test
        void svg() {
            assertRefused(("<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\">"
                    + "<rect width=\"10\" height=\"10\"/></svg>").getBytes(StandardCharsets.UTF_8), AvatarImageDecoder.UNSUPPORTED);
        }

        @Test
        void html() {
            assertRefused("<!DOCTYPE html><html><script>alert(document.cookie)</script></html>".getBytes(StandardCharsets.UTF_8),
                    AvatarImageDecoder.UNSUPPORTED);
        }

        @Test
        void gif() throws Exception {
            assertRefused(encode(photo(10, 10), "gif"), AvatarImageDecoder.UNSUPPORTED);
        }

        @Test
        void aPngWithAZipAppended() throws Exception {
            assertRefused(concat(png(100, 100, BufferedImage.TYPE_INT_RGB), zip()), AvatarImageDecoder.INVALID);
        }

        @Test
        void aJpegWithAZipAppended() throws Exception {
            assertRefused(concat(encode(photo(100, 100), "jpeg"), zip()), AvatarImageDecoder.INVALID);
        }

        @Test
        void aWebpWithAZipAppended() throws Exception {
            assertRefused(concat(resource("lossy.webp"), zip()), AvatarImageDecoder.INVALID);
        }

        @Test
        void aZipHiddenInsideAPngChunk() throws Exception {
            assertRefused(insertChunkAfterIhdr(png(100, 100, BufferedImage.TYPE_INT_RGB), "zzIP", zip()), AvatarImageDecoder.INVALID);
        }

        @Test
        void aPngWithHtmlAppended() throws Exception {
            assertRefused(concat(png(100, 100, BufferedImage.TYPE_INT_RGB), "<html><script>alert(1)</script>".getBytes(StandardCharsets.US_ASCII)),
                    AvatarImageDecoder.INVALID);
        }

        @Test
        void aJpegWithScriptInAComment() throws Exception {
            byte[] jpeg = encode(photo(100, 100), "jpeg");
            byte[] comment = "<SCRIPT>alert(1)</SCRIPT>".getBytes(StandardCharsets.US_ASCII);
            ByteBuffer com = ByteBuffer.allocate(4 + comment.length).put((byte) 0xff).put((byte) 0xfe).putShort((short) (comment.length + 2)).put(comment);
            byte[] withComment = concat(Arrays.copyOf(jpeg, 2), concat(com.array(), Arrays.copyOfRange(jpeg, 2, jpeg.length)));

            assertRefused(withComment, AvatarImageDecoder.INVALID);
        }

        @ParameterizedTest
        @ValueSource(ints = {20, 60, 200})
        void aTruncatedPng(int cut) throws Exception {
            byte[] png = png(300, 300, BufferedImage.TYPE_INT_RGB);

            assertRefused(Arrays.copyOf(png, png.length * cut / 1000 + 30), AvatarImageDecoder.INVALID);
        }

        @Test
        void aTruncatedJpeg() throws Exception {
            byte[] jpeg = encode(photo(300, 300), "jpeg");

            assertRefused(Arrays.copyOf(jpeg, jpeg.length / 2), AvatarImageDecoder.INVALID);
        }

        @Test
        void aTruncatedWebp() throws Exception {
            byte[] webp = resource("lossy.webp");

            assertRefused(Arrays.copyOf(webp, webp.length - 40), AvatarImageDecoder.INVALID);
        }

        @Test
        @Timeout(value = 2, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
        void aTruncatedLosslessWebpIsRefusedQuickly() throws Exception {
            // found by the fuzzer (fuzzing/): 115 bytes claiming more pixels than they hold; the WebP lossless decoder
            // swallows the end of the stream and went on decoding for minutes
            assertRefused(resource("truncated-lossless.webp"), AvatarImageDecoder.INVALID);
        }

        @Test
        void aPngSignatureWithGarbage() {
            byte[] garbage = new byte[4000];
            new java.util.Random(7).nextBytes(garbage);
            System.arraycopy(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'}, 0, garbage, 0, 8);

            assertRefused(garbage, AvatarImageDecoder.INVALID);
        }

        @Test
        void aDecompressionBombIsRefusedFromItsHeaderWithoutDecoding() throws Exception {
            // 60000 x 60000 pixels of zeros: ~3.6 GB as pixels, a few MB compressed; here only the first rows exist
            byte[] bomb = pngHeaderOnly(60_000, 60_000);

            long started = System.nanoTime();
            assertRefused(bomb, AvatarImageDecoder.DIMENSIONS);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
        }

        @Test
        void tooManyPixelsInAll() throws Exception {
            assertRefused(pngHeaderOnly(8000, 3000), AvatarImageDecoder.DIMENSIONS);
        }

        @Test
        void tooWide() throws Exception {
            assertRefused(pngHeaderOnly(9000, 10), AvatarImageDecoder.DIMENSIONS);
        }

        @Test
        void aHugeJpegHeader() throws Exception {
            byte[] jpeg = encode(photo(16, 16), "jpeg");
            // patch the SOF0 frame header's height and width to 65000 x 65000
            for (int i = 2; i + 9 < jpeg.length; i++) {
                if ((jpeg[i] & 0xff) == 0xff && (jpeg[i + 1] & 0xff) == 0xc0) {
                    jpeg[i + 5] = (byte) 0xfd;
                    jpeg[i + 6] = (byte) 0xe8;
                    jpeg[i + 7] = (byte) 0xfd;
                    jpeg[i + 8] = (byte) 0xe8;
                    break;
                }
            }
            assertRefused(jpeg, AvatarImageDecoder.DIMENSIONS);
        }
    }

    @Test
    void humanSizes() {
        assertThat(AvatarImageDecoder.humanSize(TWO_MB)).isEqualTo("2 MB");
        assertThat(AvatarImageDecoder.humanSize(1500 * 1024)).isEqualTo("1500 kB");
        assertThat(AvatarImageDecoder.humanSize(500)).isEqualTo("500 B");
    }

    private void assertRefused(byte[] upload, String messageKey) {
        assertThatThrownBy(() -> decoder.decode(upload))
                .isInstanceOf(InvalidAvatarImageException.class)
                .extracting(e -> ((InvalidAvatarImageException) e).messageKey())
                .isEqualTo(messageKey);
    }

    private static void assertIsAvatarPng(byte[] avatar) throws IOException {
        assertThat(Arrays.copyOf(avatar, 8)).containsExactly(0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n');
        BufferedImage image = read(avatar);
        assertThat(image.getWidth()).isEqualTo(AvatarImageDecoder.SIZE);
        assertThat(image.getHeight()).isEqualTo(AvatarImageDecoder.SIZE);
        assertThat(chunkTypes(avatar)).allMatch(type -> type.equals("IHDR") || type.equals("IDAT") || type.equals("IEND"));
    }

    private static java.util.List<String> chunkTypes(byte[] png) {
        java.util.List<String> types = new java.util.ArrayList<>();
        ByteBuffer buffer = ByteBuffer.wrap(png, 8, png.length - 8);
        while (buffer.remaining() >= 12) {
            int length = buffer.getInt();
            byte[] type = new byte[4];
            buffer.get(type);
            types.add(new String(type, StandardCharsets.US_ASCII));
            buffer.position(buffer.position() + length + 4);
        }
        return types;
    }

    private static BufferedImage read(byte[] png) throws IOException {
        return ImageIO.read(new ByteArrayInputStream(png));
    }

    private static byte[] png(int width, int height, int type) throws IOException {
        return encode(new BufferedImage(width, height, type), "png");
    }

    private static BufferedImage photo(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, ((x * 255 / width) << 16) | ((y * 255 / height) << 8) | ((x ^ y) & 0xff));
            }
        }
        return image;
    }

    private static byte[] encode(BufferedImage image, String format) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(ImageIO.write(image, format, out)).as("writer for " + format).isTrue();
        return out.toByteArray();
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = AvatarImageDecoderTest.class.getResourceAsStream("/avatar/" + name)) {
            assertThat(in).as(name).isNotNull();
            return in.readAllBytes();
        }
    }

    private static byte[] zip() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("Exploit.class"));
            zip.write("not really a class".getBytes(StandardCharsets.US_ASCII));
            zip.closeEntry();
        }
        return out.toByteArray();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }

    private static byte[] chunk(String type, byte[] data) {
        ByteBuffer chunk = ByteBuffer.allocate(12 + data.length);
        chunk.putInt(data.length).put(type.getBytes(StandardCharsets.US_ASCII)).put(data);
        CRC32 crc = new CRC32();
        crc.update(type.getBytes(StandardCharsets.US_ASCII));
        crc.update(data);
        chunk.putInt((int) crc.getValue());
        return chunk.array();
    }

    /** Signature (8) + IHDR chunk (25) come first in every PNG: insert after them. */
    private static byte[] insertChunkAfterIhdr(byte[] png, String type, byte[] data) {
        return concat(Arrays.copyOf(png, 33), concat(chunk(type, data), Arrays.copyOfRange(png, 33, png.length)));
    }

    /** Inserts an APP1 Exif segment with only the orientation tag right after SOI. */
    private static byte[] withExifOrientation(byte[] jpeg, int orientation, boolean bigEndian) {
        ByteBuffer tiff = ByteBuffer.allocate(26).order(bigEndian ? java.nio.ByteOrder.BIG_ENDIAN : java.nio.ByteOrder.LITTLE_ENDIAN);
        tiff.put(bigEndian ? (byte) 'M' : (byte) 'I').put(bigEndian ? (byte) 'M' : (byte) 'I').putShort((short) 42).putInt(8)
                .putShort((short) 1) // one entry
                .putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) orientation).putShort((short) 0)
                .putInt(0); // no next IFD
        byte[] exif = concat("Exif\0\0".getBytes(StandardCharsets.ISO_8859_1), tiff.array());
        ByteBuffer app1 = ByteBuffer.allocate(4 + exif.length).put((byte) 0xff).put((byte) 0xe1).putShort((short) (exif.length + 2)).put(exif);
        return concat(Arrays.copyOf(jpeg, 2), concat(app1.array(), Arrays.copyOfRange(jpeg, 2, jpeg.length)));
    }

    /** A well-formed PNG that claims width × height (8-bit grey) but carries only a few compressed rows. */
    private static byte[] pngHeaderOnly(int width, int height) {
        byte[] ihdr = ByteBuffer.allocate(13).putInt(width).putInt(height).put((byte) 8).put((byte) 0).put((byte) 0).put((byte) 0).put((byte) 0).array();
        Deflater deflater = new Deflater();
        deflater.setInput(new byte[(width + 1) * 4]);
        deflater.finish();
        byte[] compressed = new byte[64 * 1024];
        int length = deflater.deflate(compressed);
        byte[] signature = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
        return concat(signature, concat(chunk("IHDR", ihdr), concat(chunk("IDAT", Arrays.copyOf(compressed, length)), chunk("IEND", new byte[0]))));
    }
}
