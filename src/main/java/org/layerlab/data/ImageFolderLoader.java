package org.layerlab.data;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import org.layerlab.engine.Shape;

/**
 * Loads a folder with one subfolder per class (names sorted become the class names) of PNG,
 * JPEG, BMP or GIF images, resized to width × height with 1 (grayscale) or 3 (RGB) channels and
 * kept as bytes. Every file is checked before it is decoded: links leading outside the folder,
 * files that are not images, and images with absurd dimensions (decompression bombs) are listed
 * as skipped with the reason, never fatal. The memory needed is checked before anything loads.
 */
public final class ImageFolderLoader {
    /** A file that was not loaded, and why. */
    public record Skipped(Path file, String reason) {
    }

    /** The loaded images and the files passed over. */
    public record Result(ByteImageDataset dataset, List<Skipped> skipped) {
    }

    /** Reports progress: images handled so far and in all. */
    @FunctionalInterface
    public interface Progress {
        void update(int done, int total);
    }

    static final long MAX_SOURCE_PIXELS = 50_000_000L;
    static final long MAX_BYTES = 2L * 1024 * 1024 * 1024 - 64;
    /** The file endings read as images. */
    public static final List<String> EXTENSIONS = List.of(".png", ".jpg", ".jpeg", ".bmp", ".gif");

    private ImageFolderLoader() {
    }

    public static Result load(Path root, int width, int height, int channels, Progress progress, BooleanSupplier cancelled)
            throws IOException {
        return load(root, width, height, channels, progress, cancelled, Math.min(MAX_BYTES, ByteImageDataset.inMemoryLimit()));
    }

    /** Like the other load, keeping the decoded pixels on disk when there are more than inMemoryLimit. */
    public static Result load(Path root, int width, int height, int channels, Progress progress, BooleanSupplier cancelled,
                              long inMemoryLimit) throws IOException {
        if (width < 1 || height < 1 || width > 1024 || height > 1024) {
            throw new DataException("image size must be between 1×1 and 1024×1024, not " + width + "×" + height);
        }
        if (channels != 1 && channels != 3) {
            throw new DataException("channels must be 1 (grayscale) or 3 (RGB), not " + channels);
        }
        Path real = root.toRealPath();
        List<Path> classDirs;
        try (Stream<Path> s = Files.list(real)) {
            classDirs = s.filter(Files::isDirectory).sorted().toList();
        }
        if (classDirs.size() < 2) {
            throw new DataException(root.getFileName() + " needs one subfolder per class (at least two); it has "
                    + classDirs.size());
        }
        if (classDirs.size() > 256) {
            throw new DataException(root.getFileName() + " has " + classDirs.size() + " class folders; LayerLab handles"
                    + " up to 256 classes");
        }
        List<Path> files = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        for (int c = 0; c < classDirs.size(); c++) {
            try (Stream<Path> s = Files.list(classDirs.get(c))) {
                for (Path f : s.sorted().toList()) {
                    String name = f.getFileName().toString().toLowerCase(Locale.ROOT);
                    if (!f.toRealPath().startsWith(real)) {
                        skipped.add(new Skipped(f, "a link that leads outside the folder"));
                    } else if (Files.isDirectory(f)) {
                        skipped.add(new Skipped(f, "a folder inside a class folder"));
                    } else if (!Files.isRegularFile(f)) {
                        // A named pipe or device would block the reader, or never end.
                        skipped.add(new Skipped(f, "not a regular file (a pipe, socket or device)"));
                    } else if (EXTENSIONS.stream().noneMatch(name::endsWith)) {
                        skipped.add(new Skipped(f, "not a PNG, JPEG, BMP or GIF image"));
                    } else {
                        files.add(f);
                        labels.add(c);
                    }
                }
            }
        }
        long per = (long) width * height * channels;
        long need = per * files.size();
        // Beyond a quarter of the heap the decoded pixels go to a temporary file that training maps.
        boolean toDisk = need > Math.min(MAX_BYTES, inMemoryLimit);
        Path spill = null;
        if (toDisk) {
            spill = Files.createTempFile("layerlab-images-", ".bytes");
            spill.toFile().deleteOnExit();
            long free = Files.getFileStore(spill).getUsableSpace();
            if (free < need + (256L << 20)) {
                Files.deleteIfExists(spill);
                throw new DataException(files.size() + " images of " + width + "×" + height + "×" + channels + " need "
                        + need / (1 << 20) + " MB on disk but " + spill.getParent() + " has " + free / (1 << 20)
                        + " MB free; choose a smaller size or fewer images");
            }
        }
        byte[] pixels = toDisk ? null : new byte[(int) need];
        byte[] one = new byte[(int) per];
        byte[] ys = new byte[files.size()];
        int kept = 0;
        try (OutputStream disk = toDisk ? new BufferedOutputStream(Files.newOutputStream(spill), 1 << 20) : null) {
            for (int i = 0; i < files.size(); i++) {
                if (cancelled.getAsBoolean()) {
                    throw new DataException("loading was cancelled");
                }
                String problem = decode(files.get(i), width, height, channels, one, 0);
                if (problem != null) {
                    skipped.add(new Skipped(files.get(i), problem));
                } else {
                    if (toDisk) {
                        disk.write(one);
                    } else {
                        System.arraycopy(one, 0, pixels, (int) (kept * per), (int) per);
                    }
                    ys[kept++] = (byte) (int) labels.get(i);
                }
                progress.update(i + 1, files.size());
            }
        }
        if (kept == 0) {
            throw new DataException("no readable image in " + root.getFileName());
        }
        List<String> names = classDirs.stream().map(p -> p.getFileName().toString()).toList();
        PixelStore store = toDisk ? PixelStore.map(spill, 0, per * kept) : PixelStore.of(Arrays.copyOf(pixels, (int) (per * kept)));
        ByteImageDataset d = new ByteImageDataset(store, Arrays.copyOf(ys, kept), Shape.of(height, width, channels), names);
        return new Result(d, skipped);
    }

    /**
     * Decodes one image, scaled to w×h (bilinear) and to 1 (luma) or 3 channels as training
     * images are, into out at offset; returns why it could not, or null. {@code predict} reads
     * single images through this, so they are prepared exactly as the training folder was.
     */
    public static String decode(Path f, int w, int h, int channels, byte[] out, int offset) {
        try (ImageInputStream in = ImageIO.createImageInputStream(f.toFile())) {
            if (in == null) {
                return "cannot be opened";
            }
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                return "not an image format Java can read (corrupt?)";
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                long sw = reader.getWidth(0);
                long sh = reader.getHeight(0);
                if (sw <= 0 || sh <= 0 || sw * sh > MAX_SOURCE_PIXELS) {
                    return "claims " + sw + "×" + sh + " pixels, more than " + MAX_SOURCE_PIXELS / 1_000_000 + " million";
                }
                BufferedImage img = reader.read(0);
                BufferedImage scaled = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
                Graphics2D g = scaled.createGraphics();
                g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
                g.drawImage(img, 0, 0, w, h, null);
                g.dispose();
                int o = offset;
                for (int y = 0; y < h; y++) {
                    for (int x = 0; x < w; x++) {
                        int rgb = scaled.getRGB(x, y);
                        int r = (rgb >> 16) & 0xff;
                        int gr = (rgb >> 8) & 0xff;
                        int b = rgb & 0xff;
                        if (channels == 1) {
                            out[o++] = (byte) Math.round(0.299 * r + 0.587 * gr + 0.114 * b);
                        } else {
                            out[o++] = (byte) r;
                            out[o++] = (byte) gr;
                            out[o++] = (byte) b;
                        }
                    }
                }
                return null;
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            return "unreadable: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
    }
}
