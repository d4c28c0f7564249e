package dev.profilekit.keycloak.profile.avatar.image;

import java.io.IOException;
import java.util.Objects;
import javax.imageio.IIOException;
import javax.imageio.stream.ImageInputStreamImpl;

/**
 * An {@link javax.imageio.stream.ImageInputStream} over an upload in memory that stops a reader which keeps reading
 * past the end: after {@value #MAX_READS_PAST_END} attempts it throws an {@link IIOException} instead of reporting
 * the end again.
 *
 * <p>Some decoders swallow the {@link java.io.EOFException} of a truncated file and go on decoding garbage. The WebP
 * lossless bit reader does: a 115-byte upload claiming more pixels than it holds kept a thread busy for minutes,
 * one EOFException per bit read (found by the fuzzer). A reader looking a few bytes ahead of a well-formed image
 * still gets the end reported as usual.
 */
final class StrictEndImageInputStream extends ImageInputStreamImpl {

    static final int MAX_READS_PAST_END = 64;

    private final byte[] data;
    private int readsPastEnd;

    StrictEndImageInputStream(byte[] data) {
        this.data = data;
    }

    @Override
    public int read() throws IOException {
        checkClosed();
        bitOffset = 0;
        if (streamPos >= data.length) {
            return end();
        }
        return data[(int) streamPos++] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        checkClosed();
        Objects.checkFromIndexSize(offset, length, buffer.length);
        bitOffset = 0;
        if (length == 0) {
            return 0;
        }
        if (streamPos >= data.length) {
            return end();
        }
        int count = (int) Math.min(length, data.length - streamPos);
        System.arraycopy(data, (int) streamPos, buffer, offset, count);
        streamPos += count;
        return count;
    }

    @Override
    public long length() {
        return data.length;
    }

    private int end() throws IIOException {
        if (++readsPastEnd > MAX_READS_PAST_END) {
            throw new IIOException("Read past the end of the image " + MAX_READS_PAST_END + " times: truncated or malformed");
        }
        return -1;
    }
}
