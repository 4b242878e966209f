package org.dicas.attachments;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFRelation;

/** Small real files made in the test: a PDF (PDFBox), Word files (POI), a PNG, a Windows program's header. */
public final class TestFiles {

    private TestFiles() {
    }

    /** A one-page PDF whose text is {@code text}. */
    public static byte[] pdf(String text) {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage();
            doc.addPage(page);
            try (PDPageContentStream s = new PDPageContentStream(doc, page)) {
                s.beginText();
                s.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                s.newLineAtOffset(72, 700);
                s.showText(text);
                s.endText();
            }
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A Word document (.docx) with one paragraph. */
    public static byte[] docx(String text) {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            doc.createParagraph().createRun().setText(text);
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A macro-enabled Word document (.docm): its main part declared as Word's macro-enabled document. */
    public static byte[] docm(String text) {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            doc.createParagraph().createRun().setText(text);
            OPCPackage pkg = doc.getPackage();
            pkg.replaceContentType(XWPFRelation.DOCUMENT.getContentType(), XWPFRelation.MACRO_DOCUMENT.getContentType());
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An Excel 97–2003 workbook that carries a VBA project (its {@code _VBA_PROJECT_CUR} storage). */
    public static byte[] xlsWithMacros() {
        try (org.apache.poi.hssf.usermodel.HSSFWorkbook wb = new org.apache.poi.hssf.usermodel.HSSFWorkbook();
             ByteArrayOutputStream plain = new ByteArrayOutputStream();
             ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            wb.createSheet("Budget").createRow(0).createCell(0).setCellValue("FY2027");
            wb.write(plain);
            try (org.apache.poi.poifs.filesystem.POIFSFileSystem fs = new org.apache.poi.poifs.filesystem.POIFSFileSystem(
                    new java.io.ByteArrayInputStream(plain.toByteArray()))) {
                fs.getRoot().createDirectory("_VBA_PROJECT_CUR").createDocument("dir",
                        new java.io.ByteArrayInputStream(new byte[] {1, 2, 3}));
                fs.writeFilesystem(out);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A PowerPoint 97–2003 presentation of one slide, without macros. */
    public static byte[] ppt() {
        return ppt(false);
    }

    /**
     * A PowerPoint 97–2003 presentation that carries a VBA project as PowerPoint writes one: the VBA storage ({@code
     * VBA/dir}, {@code PROJECT}) embedded, compressed, in the document stream, and the document's VBA info container
     * (MS-PPT 2.4.15) whose atom names it and says the presentation has macros.
     */
    public static byte[] pptWithMacros() {
        return ppt(true);
    }

    private static byte[] ppt(boolean macros) {
        try (org.apache.poi.hslf.usermodel.HSLFSlideShow ppt = new org.apache.poi.hslf.usermodel.HSLFSlideShow();
             ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            var slide = ppt.createSlide();
            slide.addTitle().setText("Seeker review");
            if (macros) {
                int storage;
                try (org.apache.poi.poifs.filesystem.POIFSFileSystem vba = new org.apache.poi.poifs.filesystem.POIFSFileSystem()) {
                    var dir = vba.getRoot().createDirectory("VBA");
                    dir.createDocument("dir", new java.io.ByteArrayInputStream(new byte[] {1, 2, 3}));
                    dir.createDocument("Module1", new java.io.ByteArrayInputStream(
                            "Attribute VB_Name = \"Module1\"\r\nSub AutoOpen()\r\nEnd Sub\r\n".getBytes(
                                    java.nio.charset.StandardCharsets.US_ASCII)));
                    vba.getRoot().createDocument("PROJECT", new java.io.ByteArrayInputStream(
                            "Module=Module1\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
                    // the storage of a VBA project has a class id of its own (PowerPoint's), not one of a document
                    vba.getRoot().setStorageClsid(new org.apache.poi.hpsf.ClassID("{64818D10-4F9B-11CF-86EA-00AA00B929E8}"));
                    storage = ppt.addEmbed(vba);
                }
                // VBAInfo container (0x03FF) holding its VBAInfoAtom (0x0400): persistIdRef, fHasMacros, version 2
                java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(28).order(java.nio.ByteOrder.LITTLE_ENDIAN);
                b.putShort((short) 0x000F).putShort((short) 0x03FF).putInt(20);
                b.putShort((short) 0x0002).putShort((short) 0x0400).putInt(12);
                b.putInt(storage).putInt(1).putInt(2);
                var document = ppt.getDocumentRecord();
                document.addChildAfter(org.apache.poi.hslf.record.Record.buildRecordAtOffset(b.array(), 0),
                        document.getDocumentAtom());
            }
            ppt.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A small PNG image. */
    public static byte[] png() {
        BufferedImage image = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
        image.setRGB(3, 3, 0x1E90FF);
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The start of a Windows program: the DOS header (MZ), its pointer to the PE header, and the PE signature. */
    public static byte[] exe() {
        byte[] b = new byte[512];
        b[0] = 'M';
        b[1] = 'Z';
        b[0x3c] = (byte) 0x80;
        b[0x80] = 'P';
        b[0x81] = 'E';
        return b;
    }
}
