package dev.profilekit.keycloak.profile.avatar.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.EOFException;
import javax.imageio.IIOException;
import org.junit.jupiter.api.Test;

class StrictEndImageInputStreamTest {

    @Test
    void readsTheBytesThenReportsTheEndAFewTimes() throws Exception {
        try (StrictEndImageInputStream input = new StrictEndImageInputStream(new byte[] {1, 2, 3})) {
            byte[] buffer = new byte[8];

            assertThat(input.read()).isEqualTo(1);
            assertThat(input.read(buffer, 0, 8)).isEqualTo(2);
            assertThat(buffer).startsWith(2, 3);
            assertThat(input.length()).isEqualTo(3);
            assertThatThrownBy(input::readByte).isExactlyInstanceOf(EOFException.class);
            for (int i = 1; i < StrictEndImageInputStream.MAX_READS_PAST_END; i++) {
                assertThat(input.read()).isEqualTo(-1);
            }
        }
    }

    @Test
    void aReaderThatKeepsReadingPastTheEndIsStopped() throws Exception {
        try (StrictEndImageInputStream input = new StrictEndImageInputStream(new byte[0])) {
            for (int i = 0; i < StrictEndImageInputStream.MAX_READS_PAST_END; i++) {
                assertThatThrownBy(input::readByte).isExactlyInstanceOf(EOFException.class);
            }

            assertThatThrownBy(input::readByte).isInstanceOf(IIOException.class).hasMessageContaining("past the end");
            assertThatThrownBy(() -> input.read(new byte[4], 0, 4)).isInstanceOf(IIOException.class);
        }
    }

    @Test
    void seekingWorksLikeAnyImageInputStream() throws Exception {
        try (StrictEndImageInputStream input = new StrictEndImageInputStream(new byte[] {10, 20, 30, 40})) {
            input.seek(2);
            assertThat(input.readByte()).isEqualTo((byte) 30);
            input.seek(0);
            assertThat(input.readInt()).isEqualTo(0x0a141e28);
        }
    }
}
