package dev.fedcred.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The committed installer icons (made by icons/render-platform) hold every size the platforms
 * ask for, each the same picture as the PNG of that size in icons/png.
 */
class PlatformIconFilesTest {

    private static final Path ICONS = Path.of("icons");
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    @Test
    void icoHoldsTheWindowsSizesWithThe256PixelImageAsPng() throws IOException {
        ByteBuffer ico = ByteBuffer.wrap(Files.readAllBytes(ICONS.resolve("fedcred.ico"))).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(ico.getShort(0)).as("reserved").isZero();
        assertThat(ico.getShort(2)).as("type 1 = icon").isEqualTo((short) 1);
        int count = ico.getShort(4);
        Map<Integer, byte[]> images = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            int entry = 6 + 16 * i;
            int width = Byte.toUnsignedInt(ico.get(entry)) == 0 ? 256 : Byte.toUnsignedInt(ico.get(entry));
            int height = Byte.toUnsignedInt(ico.get(entry + 1)) == 0 ? 256 : Byte.toUnsignedInt(ico.get(entry + 1));
            assertThat(height).isEqualTo(width);
            int size = ico.getInt(entry + 8);
            int offset = ico.getInt(entry + 12);
            images.put(width, Arrays.copyOfRange(ico.array(), offset, offset + size));
        }
        assertThat(images).containsOnlyKeys(16, 24, 32, 48, 64, 128, 256);
        assertThat(images.get(256)).isEqualTo(png(256));
        images.forEach((width, image) -> {
            if (width < 256) {
                ByteBuffer header = ByteBuffer.wrap(image).order(ByteOrder.LITTLE_ENDIAN);
                assertThat(header.getInt(0)).as("BITMAPINFOHEADER size of the %d px image", width).isEqualTo(40);
                assertThat(header.getInt(4)).isEqualTo(width);
                assertThat(header.getShort(14)).as("bits per pixel").isEqualTo((short) 32);
            }
        });
    }

    @Test
    void icnsHoldsPngElementsFrom16To1024IncludingRetinaSizes() throws IOException {
        byte[] bytes = Files.readAllBytes(ICONS.resolve("fedcred.icns"));
        ByteBuffer icns = ByteBuffer.wrap(bytes);
        assertThat(type(bytes, 0)).isEqualTo("icns");
        assertThat(icns.getInt(4)).as("length in the header").isEqualTo(bytes.length);
        Map<String, byte[]> elements = new LinkedHashMap<>();
        for (int at = 8; at < bytes.length; at += icns.getInt(at + 4)) {
            elements.put(type(bytes, at), Arrays.copyOfRange(bytes, at + 8, at + icns.getInt(at + 4)));
        }
        Map<String, Integer> expected = Map.of("icp4", 16, "ic11", 32, "icp5", 32, "ic12", 64, "ic07", 128,
                "ic13", 256, "ic08", 256, "ic14", 512, "ic09", 512, "ic10", 1024);
        assertThat(elements.keySet()).containsAll(expected.keySet());
        expected.forEach((type, pixels) -> assertThat(elements.get(type)).as(type).isEqualTo(png(pixels)));
    }

    private static byte[] png(int pixels) {
        try {
            byte[] png = Files.readAllBytes(ICONS.resolve("png/fedcred-" + pixels + ".png"));
            assertThat(Arrays.copyOf(png, 8)).isEqualTo(PNG_SIGNATURE);
            ByteBuffer header = ByteBuffer.wrap(png);
            assertThat(header.getInt(16)).as("width of fedcred-%d.png", pixels).isEqualTo(pixels);
            assertThat(header.getInt(20)).as("height of fedcred-%d.png", pixels).isEqualTo(pixels);
            return png;
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static String type(byte[] bytes, int at) {
        return new String(bytes, at, 4, StandardCharsets.US_ASCII);
    }
}
