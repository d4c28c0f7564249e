package dev.profilekit.keycloak.profile.avatar.image;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.profilekit.keycloak.profile.avatar.AvatarConfig;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * Fuzzes {@link AvatarImageDecoder#decode(byte[])} with uploads of up to the default size limit. For every input the
 * result is a {@value AvatarImageDecoder#SIZE}×{@value AvatarImageDecoder#SIZE} PNG, or an
 * {@link InvalidAvatarImageException} with one of the decoder's message keys; nothing else: any other exception, an
 * {@link OutOfMemoryError} in the bounded test heap or an input slower than the per-input timeout is a finding.
 *
 * <p>Seeds: small PNG and JPEG files in this class's inputs directory and the WebP files of the providers' unit tests
 * (copied there by the build).
 */
class AvatarImageDecoderFuzzTest {

    private static final AvatarImageDecoder DECODER = new AvatarImageDecoder(AvatarConfig.DEFAULT_MAX_SIZE);
    private static final List<String> MESSAGE_KEYS = List.of(AvatarImageDecoder.EMPTY, AvatarImageDecoder.TOO_LARGE,
            AvatarImageDecoder.UNSUPPORTED, AvatarImageDecoder.INVALID, AvatarImageDecoder.DIMENSIONS);
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    @FuzzTest
    void decodeUpload(byte[] upload) throws IOException {
        byte[] avatar;
        try {
            avatar = DECODER.decode(upload);
        } catch (InvalidAvatarImageException refused) {
            assertThat(refused.messageKey()).isIn(MESSAGE_KEYS);
            return;
        }
        assertThat(avatar).startsWith(PNG_SIGNATURE);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(avatar));
        assertThat(image.getWidth()).isEqualTo(AvatarImageDecoder.SIZE);
        assertThat(image.getHeight()).isEqualTo(AvatarImageDecoder.SIZE);
    }
}
